// npx tsx src/cli/packet.ts <shipmentId> [--format md|html|pdf|zip] [--out FILE] [--tenant T] [--asOf YYYY-MM-DD] [--status-on YYYY-MM-DD] [--exhibit-root DIR]
// Writes one shipment's packet to a file ("-" for standard output). --exhibit-root reads the
// exhibits from another store folder than EXHIBIT_ROOT (the tenant's space inside it, as always).
import { writeFileSync } from 'node:fs';
import { createLogger, createServices } from '../app';
import { loadConfig } from '../config';
import { renderPacketFile } from '../packets';
import { ExhibitStore } from '../exhibits';
import { CliArgs, parseCliArgs } from './packetArgs';

async function main() {
  let args: CliArgs;
  try {
    args = parseCliArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  const services = await createServices(loadConfig(), createLogger({ logLevel: 'warn' }));
  let code = 0;
  try {
    const exhibits = args.exhibitRoot ? ExhibitStore.fromConfig({ ...services.config, exhibitRoot: args.exhibitRoot }) : services.exhibits;
    const dates = { asOf: args.asOf, statusOn: args.statusOn };
    const file = await renderPacketFile(services, args.tenant, args.shipmentId, args.format, dates, { exhibits });
    const out = args.out ?? file.filename;
    if (out === '-') process.stdout.write(file.body);
    else {
      writeFileSync(out, file.body);
      console.error(`wrote ${out} (${file.body.length} bytes) for shipment "${args.shipmentId}" of tenant "${args.tenant}"`);
    }
  } catch (e) {
    console.error(`packet failed: ${(e as Error).message}`);
    code = 1;
  } finally {
    await services.graph.close();
  }
  process.exit(code);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`packet failed: ${(e as Error).message}`);
    process.exit(1);
  });
}
