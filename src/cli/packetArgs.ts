// Argument parsing for the packet CLI, apart from packet.ts so it loads without the database wiring.
import { PACKET_FORMATS, PacketFormat } from '../packets';

export const USAGE =
  'usage: npx tsx src/cli/packet.ts <shipmentId> [--format md|html|pdf|zip] [--out FILE|-] [--tenant NAME] [--asOf YYYY-MM-DD] [--status-on YYYY-MM-DD] [--exhibit-root DIR]';

export interface CliArgs {
  shipmentId: string;
  format: PacketFormat;
  out: string | null;
  tenant: string;
  asOf: string | null;
  /** the day the detention clock counts from (default today) */
  statusOn: string | null;
  exhibitRoot: string | null;
}

export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): CliArgs {
  const rest: string[] = [];
  let format: string = 'pdf';
  let out: string | null = null;
  let tenant = env.TENANT || 'default';
  let asOf: string | null = null;
  let statusOn: string | null = null;
  let exhibitRoot: string | null = null;
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined || (v.startsWith('--') && v !== '-')) throw new Error(`${flag} needs a value\n${USAGE}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') throw new Error(USAGE);
    else if (a === '--format') format = value(i++, a);
    else if (a === '--out' || a === '-o') out = value(i++, a);
    else if (a === '--tenant') tenant = value(i++, a);
    else if (a === '--asOf' || a === '--as-of') asOf = value(i++, a);
    else if (a === '--status-on' || a === '--statusOn') statusOn = value(i++, a);
    else if (a === '--exhibit-root') exhibitRoot = value(i++, a);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else rest.push(a);
  }
  if (rest.length !== 1) throw new Error(`name exactly one shipment id\n${USAGE}`);
  if (!(PACKET_FORMATS as readonly string[]).includes(format))
    throw new Error(`--format must be one of ${PACKET_FORMATS.join(', ')}, got "${format}"`);
  return { shipmentId: rest[0], format: format as PacketFormat, out, tenant, asOf, statusOn, exhibitRoot };
}
