// Four-eyes review as a pure rule, checked against a model written apart from it: on a MATCH
// the status moves only when two different reviewers make the same decision one after the other.
import fc from 'fast-check';
import { reviewStep, MatchReviewState, ReviewDecision } from '../../../src/screening/review';

const at = '2026-01-01T00:00:00Z';

describe('reviewStep', () => {
  it('applies at once without four-eyes, or on a POSSIBLE candidate', () => {
    for (const [decision, fourEyes] of [
      ['MATCH', false],
      ['POSSIBLE', true],
    ] as const) {
      expect(reviewStep({ decision, pending: null }, { status: 'REJECTED', by: 'r1', at, note: 'n' }, fourEyes)).toEqual({
        kind: 'APPLY',
        status: 'REJECTED',
        decidedBy: 'r1',
        decidedAt: at,
        note: 'n',
        agreedBy: null,
      });
    }
  });

  it('with four-eyes on a MATCH: proposes, refuses the proposer agreeing with itself, applies on a second reviewer', () => {
    const first = reviewStep({ decision: 'MATCH', pending: null }, { status: 'REJECTED', by: 'r1', at, note: 'other firm' }, true);
    expect(first).toEqual({ kind: 'PROPOSE', pending: { status: 'REJECTED', proposedBy: 'r1', proposedAt: at, note: 'other firm' } });
    const state: MatchReviewState = { decision: 'MATCH', pending: first.kind === 'PROPOSE' ? first.pending : null };
    expect(reviewStep(state, { status: 'REJECTED', by: 'r1', at, note: null }, true)).toMatchObject({
      kind: 'REFUSE',
      reason: expect.stringMatching(/second reviewer/),
    });
    expect(reviewStep(state, { status: 'REJECTED', by: 'r2', at: 'later', note: 'agree' }, true)).toEqual({
      kind: 'APPLY',
      status: 'REJECTED',
      decidedBy: 'r1',
      decidedAt: 'later',
      note: 'other firm',
      agreedBy: 'r2',
    });
    // a different decision replaces the proposal
    expect(reviewStep(state, { status: 'CONFIRMED', by: 'r2', at, note: null }, true)).toMatchObject({
      kind: 'PROPOSE',
      pending: { status: 'CONFIRMED', proposedBy: 'r2' },
    });
  });

  it('matches the two-reviewer model over any sequence of decisions', () => {
    const action = fc.record({ by: fc.constantFrom('r1', 'r2', 'r3'), status: fc.constantFrom<ReviewDecision>('CONFIRMED', 'REJECTED') });
    fc.assert(
      fc.property(
        fc.constantFrom('MATCH', 'POSSIBLE'),
        fc.boolean(),
        fc.array(action, { maxLength: 12 }),
        (decision, fourEyes, actions) => {
          let state: MatchReviewState = { decision, pending: null };
          let status = 'PENDING';
          let previous: { by: string; status: string } | null = null; // the model: the last decision still waiting
          for (const a of actions) {
            const step = reviewStep(state, { ...a, at, note: null }, fourEyes);
            const needsTwo = fourEyes && decision === 'MATCH';
            if (!needsTwo) {
              expect(step.kind).toBe('APPLY');
              status = a.status;
            } else if (previous && previous.status === a.status && previous.by !== a.by) {
              expect(step).toMatchObject({ kind: 'APPLY', status: a.status, decidedBy: previous.by, agreedBy: a.by });
              status = a.status;
              previous = null;
            } else if (previous && previous.status === a.status) {
              expect(step.kind).toBe('REFUSE');
            } else {
              expect(step.kind).toBe('PROPOSE');
              previous = a;
            }
            if (step.kind === 'APPLY') state = { decision, pending: null };
            if (step.kind === 'PROPOSE') state = { decision, pending: step.pending };
          }
          expect(['PENDING', 'CONFIRMED', 'REJECTED']).toContain(status);
        },
      ),
    );
  });
});
