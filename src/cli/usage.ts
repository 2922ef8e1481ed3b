// The --help text. The language list and the exit codes come from their tables.
import { describeLanguageCodes, EXIT_CODES_TEXT } from '../core/index';

export const USAGE = `Usage: warmly [options] [files, folders or globs…]
       warmly test-rules [rule files or folders…] [--format stylish|json]
       warmly explain "<text>" [--lang <code>]
       warmly report [files, folders or globs…] --out report.html

Reviews customer-facing writing for service tone. Folders are searched for templates
(.md .txt .html .hbs .liquid .njk .tt .reply .tmpl …) and helpdesk exports (Zendesk,
Freshdesk, Help Scout, Intercom .json; .csv with a text column); .warmlyignore (gitignore syntax)
and the config's "ignore:" leave files out, and so does a
negated glob argument ('!templates/legal/**').

Options:
  --format <name>          stylish (default), json, sarif or github
  --fix                    apply each finding's fix (never a suggestion) and save the file
  --lang <code>            the language: auto (default), ${describeLanguageCodes()}
  --config <file>          use this config instead of the nearest .warmlyrc.yaml
  --no-config              use no config file at all
  --rules <file|folder>    add rule files (repeatable)
  --csv-column <name>      the reply text column of CSV exports (default: text, body, reply,
                           content, message or response)
  --out <file>             where "warmly report" writes its HTML page
  --max-warnings <n>       exit 1 when there are more than n warnings
  --quiet                  report errors only (a summary line counts the hidden ones)
  --files-from <file|->    lint the paths listed in a file (or standard input), one a line
  --fail-on-skipped        exit 2 when a file is skipped (binary, not UTF-8, not an export)
  --stdin                  lint text from standard input
  --stdin-filename <name>  the file name for --stdin (decides format, language, config)
  --cache                  skip files unchanged since the last run (.warmlycache)
  --cache-location <path>  where the cache lives
  --color / --no-color     force colours on or off
  -h, --help               show this help
  -v, --version            print the version

${EXIT_CODES_TEXT}`;
