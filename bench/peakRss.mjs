// Preloaded (node --import) into a process the export benchmark starts: when that process exits,
// its peak resident memory (getrusage's high-water mark) and CPU time go to the file PEAK_RSS_FILE
// names, so the measurement covers the whole run of the real CLI, start to end.
import { writeFileSync } from 'node:fs';

const file = process.env.PEAK_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKiB: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000 }));
  });
}
