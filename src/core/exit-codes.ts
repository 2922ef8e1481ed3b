// The CLI's exit codes, the contract CI scripts read (DESIGN.md). One table, so the runner, its
// usage text and the tests cannot drift apart.

/** Nothing at error level, and warnings within --max-warnings. */
export const EXIT_OK = 0;
/** Findings over that. */
export const EXIT_FINDINGS = 1;
/** Bad usage, an unreadable config or rule file, or a file that could not be read. */
export const EXIT_TROUBLE = 2;

export const EXIT_CODES_TEXT =
  `Exit codes: ${EXIT_OK} no errors (and warnings within --max-warnings), ${EXIT_FINDINGS} findings over that,\n` +
  `${EXIT_TROUBLE} bad usage, a broken config or rule file, or a file that could not be read.`;
