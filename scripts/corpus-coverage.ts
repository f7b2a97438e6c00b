// `npm run corpus:coverage`: how references resolve over ../shared/corpus/networking.
import { formatCoverage, measureCoverage } from '../test/support/coverage';

measureCoverage().then((report) => {
  console.log(formatCoverage(report));
  for (const crash of report.crashes) console.log(`crash: ${crash}`);
  if (report.missedExamples.length > 0)
    console.log(
      `\nunresolved although declared (first ${report.missedExamples.length}):\n  ${report.missedExamples.join('\n  ')}`,
    );
});
