// mocha's spec output for people, plus the counts written to a file for test/run-all.mjs,
// which adds the VS Code suite's counts and prints the one totals line CI reads.
const fs = require('node:fs');
const Mocha = require('mocha');

class TotalsReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const file = process.env.WARMLY_TOTALS_FILE;
      if (file)
        fs.writeFileSync(
          file,
          JSON.stringify({ passed: this.stats.passes, failed: this.stats.failures, pending: this.stats.pending }),
        );
    });
  }
}

module.exports = TotalsReporter;
