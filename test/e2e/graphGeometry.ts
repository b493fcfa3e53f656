// Geometry of the explorer's graph read in the page (cytoscape's own numbers): the font size
// each drawn label renders at, and edges that pass through a label that is not their own.
// Both are functions of the page's `cy`, passed to page.evaluate as text.

/** [element id, rendered font px] of every label drawn in the viewport (cytoscape skips those under min-zoomed-font-size). */
export const RENDERED_LABEL_SIZES = `(cy) => {
  const ext = cy.extent();
  const inView = (bb) => bb.x2 > ext.x1 && bb.x1 < ext.x2 && bb.y2 > ext.y1 && bb.y1 < ext.y2;
  return cy.elements().filter((e) => e.visible() && String(e.style('label') || '') !== '' && inView(e.boundingBox({ includeLabels: true })))
    .map((e) => [e.id(), parseFloat(e.style('font-size')) * cy.zoom(), parseFloat(e.style('min-zoomed-font-size'))]);
}`;

/**
 * "edge through label" for every edge whose drawn line (straight, or the bezier through its
 * control point, 200 samples) enters the label box of a node or of another edge, other than
 * its own ends and the boxes around them.
 */
export const EDGES_THROUGH_LABELS = `(cy) => {
  const labelBox = (e) => e.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
  const labelled = cy.elements().filter((e) => e.visible() && String(e.style('label') || '') !== '').map((e) => ({ id: e.id(), bb: labelBox(e) }))
    .filter((x) => x.bb.w > 0 && x.bb.h > 0);
  const bad = [];
  cy.edges().filter((e) => e.visible()).forEach((e) => {
    const s = e.sourceEndpoint();
    const t = e.targetEndpoint();
    const cps = e.controlPoints() || [];
    const c = cps.length ? cps[Math.floor(cps.length / 2)] : null;
    const pts = [];
    for (let i = 0; i <= 200; i++) {
      const u = i / 200;
      pts.push(c ? { x: (1 - u) * (1 - u) * s.x + 2 * (1 - u) * u * c.x + u * u * t.x, y: (1 - u) * (1 - u) * s.y + 2 * (1 - u) * u * c.y + u * u * t.y }
                 : { x: s.x + (t.x - s.x) * u, y: s.y + (t.y - s.y) * u });
    }
    const own = new Set([e.id(), e.source().id(), e.target().id(), ...e.source().ancestors().map((a) => a.id()), ...e.target().ancestors().map((a) => a.id())]);
    for (const b of labelled) {
      if (own.has(b.id)) continue;
      if (pts.some((p) => p.x > b.bb.x1 + 1 && p.x < b.bb.x2 - 1 && p.y > b.bb.y1 + 1 && p.y < b.bb.y2 - 1)) bad.push(e.id() + ' through ' + b.id);
    }
  });
  return bad;
}`;

/** Pairs of drawn labels whose boxes overlap (edge labels on each other, or on a node's). */
export const OVERLAPPING_LABELS = `(cy) => {
  const boxes = cy.elements().filter((e) => e.visible() && (String(e.style('label') || '') !== '' || String(e.style('source-label') || '') !== '' || String(e.style('target-label') || '') !== ''))
    .map((e) => ({ id: e.id(), node: e.isNode(), anc: e.isNode() ? e.ancestors().map((a) => a.id()) : [], bb: e.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }) }))
    .filter((x) => x.bb.w > 0 && x.bb.h > 0);
  const bad = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.anc.includes(b.id) || b.anc.includes(a.id)) continue;
      if (a.bb.x1 < b.bb.x2 - 1 && b.bb.x1 < a.bb.x2 - 1 && a.bb.y1 < b.bb.y2 - 1 && b.bb.y1 < a.bb.y2 - 1) bad.push(a.id + ' on ' + b.id);
    }
  return bad;
}`;
