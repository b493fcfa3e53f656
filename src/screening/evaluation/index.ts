// Measuring the matcher on labelled cases: the cases and their splits (cases.ts), precision
// and recall per class (metrics.ts), and the rule that picks thresholds on the tune split
// (thresholds.ts). `npm run bench` prints them (bench/screening.ts).
export * from './cases';
export * from './metrics';
export * from './thresholds';
