export type Format = 'stylish' | 'json' | 'sarif' | 'github' | 'junit' | 'gitlab' | 'markdown' | 'csv';

export interface CliArgs {
  paths: string[];
  format: Format;
  config?: string;
  ruleOverrides: [string, string][];
  fix: boolean;
  fixDryRun: boolean;
  maxWarnings?: number;
  quiet: boolean;
  baseline?: string;
  writeBaseline?: string;
  showSuppressed: boolean;
  inventory: boolean;
  /** Lint Serverless Framework services' `resources:` (the config's `serverless: true`). */
  serverless: boolean;
  /** `--parameters` files, in order (later values win). */
  parameterFiles: string[];
  /** SARIF: the analysis category (`automationDetails.id` prefix). */
  sarifCategory: string;
  /** The template's own suppressions (comments, Metadata) do not apply. */
  noInlineSuppressions: boolean;
  listRules: boolean;
  help: boolean;
  version: boolean;
  color?: boolean;
}

export class UsageError extends Error {}

const FORMATS = new Set(['stylish', 'json', 'sarif', 'github', 'junit', 'gitlab', 'markdown', 'csv']);
/** Formats of the inventory report only; `stylish` with --inventory prints Markdown. */
const INVENTORY_ONLY_FORMATS = new Set(['markdown', 'csv']);
const INVENTORY_FORMATS = new Set(['stylish', 'json', 'markdown', 'csv']);

export const HELP = `Usage: cfn-tls-lint [options] <path|glob>...

Lints AWS CloudFormation templates (YAML/JSON) for TLS certificate and listener problems.
Directories are searched recursively (.gitignore, node_modules, .git, cdk.out and .aws-sam skipped).

Options:
  --format <stylish|json|sarif|github|junit|gitlab>  output format (default: stylish); with --inventory:
                                  json, markdown (also stylish) or csv
  --no-inline-suppressions         ignore the templates' own suppressions (comments, Metadata):
                                  what CI holds, developers cannot waive
  --sarif-category <name>         SARIF: the code scanning category (automationDetails.id <name>/<time>)
  --config <file>                 use this config file instead of the nearest .cfn-tls-lint.yaml
  --rule <id>=<off|info|warning|error>  override a rule's severity (repeatable)
  --fix                           apply every safe fix in place, then report what remains
  --fix-dry-run                   print a unified diff of what --fix would change
  --max-warnings <n>              exit 1 when warnings exceed n
  --quiet                         report errors only
  --baseline <file>               ignore findings recorded in a baseline file
  --write-baseline <file>         record the current findings in a baseline file
  --show-suppressed               report suppressed findings too (marked)
  --inventory                     print the certificate and endpoint inventory instead of findings
  --parameters <file>             parameter values for the run, replacing Default and AllowedValues
                                  (repeatable): AWS CLI JSON, CodePipeline {"Parameters"}, or
                                  samconfig.toml/.yaml/.json (parameter_overrides; file#env)
  --serverless                    also lint the CloudFormation under a Serverless Framework
                                  service's resources: (serverless.yml), as config serverless: true
  --list-rules                    print every rule id, default severity, fixable and summary
  --no-color / --color            force colours off / on in stylish output
  -h, --help                      show this help
  -v, --version                   show the version

Exit status: 0 no error-severity findings (and warnings within --max-warnings); 1 findings over
that bar; 2 bad usage, unreadable config or file, or a path that does not exist.`;

export function parseArgs(argv: string[]): CliArgs {
  const a: CliArgs = {
    paths: [],
    format: 'stylish',
    ruleOverrides: [],
    fix: false,
    fixDryRun: false,
    quiet: false,
    showSuppressed: false,
    inventory: false,
    serverless: false,
    parameterFiles: [],
    sarifCategory: 'cfn-tls-lint',
    noInlineSuppressions: false,
    listRules: false,
    help: false,
    version: false,
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let inline: string | undefined;
    if (arg.startsWith('--') && arg.includes('=')) {
      inline = arg.slice(arg.indexOf('=') + 1);
      arg = arg.slice(0, arg.indexOf('='));
    }
    const value = (): string => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) throw new UsageError(`${arg} needs a value`);
      return argv[++i];
    };
    switch (arg) {
      case '--format':
      case '-f': {
        const f = value();
        if (!FORMATS.has(f)) throw new UsageError(`unknown format "${f}" (stylish, json, sarif, github, junit, gitlab; markdown, csv with --inventory)`);
        a.format = f as Format;
        break;
      }
      case '--config':
      case '-c':
        a.config = value();
        break;
      case '--rule': {
        const v = value();
        const eq = v.indexOf('=');
        if (eq <= 0) throw new UsageError(`--rule takes <id>=<off|info|warning|error>, got "${v}"`);
        a.ruleOverrides.push([v.slice(0, eq), v.slice(eq + 1)]);
        break;
      }
      case '--fix':
        a.fix = true;
        break;
      case '--fix-dry-run':
        a.fixDryRun = true;
        break;
      case '--max-warnings': {
        const v = value();
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings takes a whole number, got "${v}"`);
        a.maxWarnings = n;
        break;
      }
      case '--quiet':
        a.quiet = true;
        break;
      case '--baseline':
        a.baseline = value();
        break;
      case '--write-baseline':
        a.writeBaseline = value();
        break;
      case '--show-suppressed':
        a.showSuppressed = true;
        break;
      case '--inventory':
        a.inventory = true;
        break;
      case '--serverless':
        a.serverless = true;
        break;
      case '--no-inline-suppressions':
        a.noInlineSuppressions = true;
        break;
      case '--parameters':
        a.parameterFiles.push(value());
        break;
      case '--sarif-category': {
        const c = value();
        if (!/^[\w.\-/]{1,100}$/.test(c)) throw new UsageError(`--sarif-category: "${c}" is not a category name (letters, digits, ".", "-", "_", "/")`);
        a.sarifCategory = c;
        break;
      }
      case '--list-rules':
        a.listRules = true;
        break;
      case '--color':
        a.color = true;
        break;
      case '--no-color':
        a.color = false;
        break;
      case '--help':
      case '-h':
        a.help = true;
        break;
      case '--version':
      case '-v':
        a.version = true;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        a.paths.push(argv[i]);
    }
  }
  if (a.fix && a.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  if (INVENTORY_ONLY_FORMATS.has(a.format) && !a.inventory) throw new UsageError(`--format ${a.format} is for --inventory only`);
  if (a.inventory && !INVENTORY_FORMATS.has(a.format)) throw new UsageError(`--inventory prints json, markdown or csv, not ${a.format}`);
  if (a.inventory && a.fixDryRun) throw new UsageError('--inventory and --fix-dry-run cannot be used together');
  return a;
}
