// npm run cli -- <command>: operator commands that need the database.
//   update-list <file> [--version V] [--snapshot-date D]   apply a newer UFLPA Entity List
//       (the DHS page saved as HTML, or OpenSanctions' FtM JSON / targets.simple.csv)
//   list-versions                                          Entity List versions stored
//   screen <name> [--country CN]                           screen one name
//   attach-exhibits <bundle.json> [--dir DIR] [--tenant T] attach the files the bundle's documents
//       name, read from DIR (default the bundle's folder), to the tenant's exhibits (remote
//       importers use src/cli/exhibit.ts, which uploads over HTTP)
//   template <FILE.xlsx> [--demo]                          the supplier-map workbook template
//       (shared/product/workbook-format.md); --demo fills it with the demo seed as an example
//   export --tenant T <out.zip>                             the tenant's data, decisions, exhibits and audit log as one ZIP
//   restore --tenant T <in.zip> [--merge]                   such a ZIP into a tenant (an empty one unless --merge)
import { createLogger, createServices, DEMO_BUNDLE } from '../app';
import { loadConfig } from '../config';
import { applyEntityListUpdate } from '../screening/updateList';
import { storedVersions } from '../screening/listStore';
import { requiredText } from '../args';
import { attachFromFolder } from '../exhibits';
import { createWriteStream, readFileSync, renameSync, rmSync } from 'node:fs';
import { writeWorkbook } from '../import/workbook';
import { exportTenant, restoreTenant } from '../portability';
import { dirname } from 'node:path';

function opt(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Writes the template workbook (or the demo seed as one) to `file`. */
async function writeTemplate(args: string[]): Promise<void> {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file || !/\.xlsx$/i.test(file)) throw new Error('usage: npm run cli -- template FILE.xlsx [--demo]');
  const bundle = args.includes('--demo') ? JSON.parse(readFileSync(DEMO_BUNDLE, 'utf8')) : undefined;
  const out = createWriteStream(file);
  const closed = new Promise<void>((resolve, reject) => out.on('close', () => resolve()).on('error', reject));
  await writeWorkbook(out, bundle);
  await closed;
  console.log(
    `wrote ${file}${bundle ? ' (the demo seed as a filled example)' : ''}: fill it in and import it with npm run import -- ${file}`,
  );
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'template') return writeTemplate(args);
  const services = await createServices(loadConfig(), createLogger({ logLevel: 'warn' }));
  try {
    switch (command) {
      case 'update-list': {
        const file = args.find((a) => !a.startsWith('--') && a !== opt(args, 'version') && a !== opt(args, 'snapshot-date'));
        if (!file) throw new Error('name the downloaded list file: npm run cli -- update-list uflpa.html');
        const r = await applyEntityListUpdate(services.graph, services.screening, file, {
          actor: 'cli',
          version: opt(args, 'version'),
          snapshotDate: opt(args, 'snapshot-date'),
        });
        console.log(`Entity List ${r.previousVersion} -> ${r.version} (${r.format})`);
        console.log(`  added ${r.added.length}${r.added.length ? `: ${r.added.join('; ')}` : ''}`);
        console.log(`  removed ${r.removed.length}${r.removed.length ? `: ${r.removed.join('; ')}` : ''}`);
        console.log(
          `  changed ${r.changed.length}${r.changed.length ? `: ${r.changed.map((c) => `${c.name} (${c.fields.join(', ')})`).join('; ')}` : ''}`,
        );
        console.log(`  firms newly matching: ${r.alerts.length}`);
        for (const a of r.alerts)
          console.log(`    [${a.tenant}] ${a.firmId} ${a.firmName} -> ${a.entityName} (${a.decision}, ${a.score.toFixed(2)})`);
        break;
      }
      case 'list-versions': {
        for (const v of await storedVersions(services.graph)) console.log(JSON.stringify(v));
        break;
      }
      case 'screen': {
        const name = args.find((a) => !a.startsWith('--') && a !== opt(args, 'country'));
        if (!name) throw new Error('usage: npm run cli -- screen "<name>" [--country CN]');
        for (const c of await services.screening.screenName(requiredText('name', name), opt(args, 'country'), 10)) {
          console.log(`${c.score.toFixed(3)} ${c.decision.padEnd(8)} ${c.entityName}  (matched "${c.matchedName}": ${c.reason})`);
        }
        break;
      }
      case 'attach-exhibits': {
        const bundlePath = args.find((a) => !a.startsWith('--') && a !== opt(args, 'dir') && a !== opt(args, 'tenant'));
        if (!bundlePath) throw new Error('usage: npm run cli -- attach-exhibits <bundle.json> [--dir DIR] [--tenant T]');
        const tenant = opt(args, 'tenant') ?? process.env.TENANT ?? 'default';
        const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as { documents?: { id: string; file?: string }[] };
        const results = await attachFromFolder(services, tenant, bundle.documents ?? [], opt(args, 'dir') ?? dirname(bundlePath), {
          actor: 'cli',
        });
        for (const r of results) console.log(`${r.documentId} ${r.file}: ${r.status}${r.status === 'failed' ? `: ${r.reason}` : ''}`);
        if (results.some((r) => r.status === 'failed')) process.exitCode = 1;
        break;
      }
      case 'export': {
        const tenant = opt(args, 'tenant');
        const out = args.find((a) => !a.startsWith('--') && a !== tenant);
        if (!tenant || !out) throw new Error('usage: npm run cli -- export --tenant T out.zip');
        // written beside the target and renamed once whole: a failed export leaves no half ZIP under the name
        const part = `${out}.part`;
        try {
          const manifest = await exportTenant(services, tenant, createWriteStream(part), { actor: 'cli' });
          renameSync(part, out);
          console.log(`tenant "${tenant}" exported to ${out}: ${JSON.stringify(manifest.counts)}`);
        } catch (e) {
          rmSync(part, { force: true });
          throw e;
        }
        break;
      }
      case 'restore': {
        const tenant = opt(args, 'tenant');
        const file = args.find((a) => !a.startsWith('--') && a !== tenant);
        if (!tenant || !file) throw new Error('usage: npm run cli -- restore --tenant T in.zip [--merge]');
        const r = await restoreTenant(services, tenant, file, { actor: 'cli', merge: args.includes('--merge') });
        console.log(`restored ${file} (tenant "${r.from.tenant}", exported ${r.from.exportedAt}) into tenant "${tenant}"`);
        console.log(`  records ${JSON.stringify(r.imported)}`);
        for (const [kind, d] of Object.entries(r.decisions))
          console.log(
            `  ${kind}: ${d.restored} restored${d.skipped.length ? `, ${d.skipped.length} skipped (firm or list entry gone): ${d.skipped.join(', ')}` : ''}`,
          );
        console.log(`  audit events ${r.auditEvents}, exhibits ${r.exhibits}`);
        break;
      }
      default:
        throw new Error(
          `unknown command "${command ?? ''}"; use update-list, list-versions, screen, attach-exhibits, template, export or restore`,
        );
    }
  } finally {
    await services.graph.close();
  }
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
