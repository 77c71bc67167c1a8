// Types of the module built from wasm/kefu_lint.cpp (Emscripten 3.1.6 cannot emit these).
// tests/node/dts.test.mjs checks that this list and the module's exports are the same.
// Every function takes the input text and an options JSON string and returns one JSON
// document, the same bytes `kefu-lint <command> --format json` prints; errors come back as
// {"errors":[{code,message,text,file?,pointer?,line?,column?}]} and never as exceptions.

/** {"platform","shop","format","now","clock","agent","buyer","lang","packs":[{"name","json"}]}, all optional;
 * lang ("zh" default, "en") is the language of the deadlines' messages and errors. */
export type OptionsJson = string;

export interface KefuLintModule {
  /** Checks one reply: {"platform","packs","findings":[...],"summary","warnings"}. */
  check(reply: string, options: OptionsJson): string;
  /** Masks phone, ID and card numbers: {"masked": "..."}. */
  mask(text: string, options: OptionsJson): string;
  /** Checks a chat transcript (JSON, `[time] name: text` lines or G:/K: lines). */
  transcript(text: string, options: OptionsJson): string;
  /** Order facts (JSON) to deadlines with status against options.now or options.clock. */
  deadlines(facts: string, options: OptionsJson): string;
  /** Points arithmetic: {"platform","serious","general"} in. */
  points(request: string, options: OptionsJson): string;
  /** Rewrites a reply so it passes: {"platform","text","changes":[{"rule","start","end",
   * "start_utf16","end_utf16","before","after"}],"findings":[...each with "advice"]}. Change
   * offsets are of the input (code points and UTF-16 units); finding offsets are of `text`. */
  fix(reply: string, options: OptionsJson): string;
  /** The phrase library for options.platform: {"platform","scenarios","phrases":[{"id",
   * "scenario","title","text"}]}; `scenario` "" lists all, an unknown one is an error. */
  phrases(scenario: string, options: OptionsJson): string;
  /** A practice quiz, the same sheet for the same seed: options {"platform","count","seed",
   * "categories"?} → {"questions":[{"type","text","reply","choices","answer","explanation",
   * "rule","category"}]} (`answer` is the index of the right choice); the input is ignored. */
  quiz(input: string, options: OptionsJson): string;
  /** Every rule of the chosen platform; the input is ignored. */
  rules(input: string, options: OptionsJson): string;
  /** The shared words, read from the packs: {"platforms":[{"name","title","title_en","builtin"}],
   * "categories":[{"name","scope","title","title_en"}], "severities":[{"name","title","title_en"}]
   * (most serious first), "deadline_kinds", "deadline_statuses":[{"name","title","title_en"}],
   * "order_events", "shipping_methods"}; options.packs with a "platform" field add platforms.
   * The input is ignored. */
  vocabulary(input: string, options: OptionsJson): string;
  /** Validates a user pack; options may be {"name": "my.json"} for the messages. */
  validate(packJson: string, options: OptionsJson): string;
  /** Any command above by name, with all the CLI gives: JSON {"status","out","err"} where status
   * is the exit status (0 clean, 1 findings, 2 bad usage or input), out the stdout and err the
   * stderr (warnings and errors, one per line, printed as `[code] place: message`). */
  command(command: string, input: string, options: OptionsJson): string;
  /** The typed boundary's raw call (docs/wasm-api.md): checks the UTF-8 bytes at [ptr, ptr + size)
   * of the module's memory (the caller's _malloc). Use checkText(), which does the copying. */
  checkBytes(ptr: number, size: number, options: OptionsJson): CheckBytesAnswer;
  /** check() for large inputs (docs/wasm-api.md): the text's UTF-8 is written straight into the
   * module's memory and the findings come back as a Uint32Array, STRIDE 6 numbers per finding:
   * rule (index into the "rules" array of rules('', options)), severity (0 error, 1 warning,
   * 2 info), start, end (code points), start_utf16, end_utf16. The same findings as check(), in
   * its order. A string is encoded with TextEncoder (a lone surrogate becomes U+FFFD); bytes are
   * taken as they are (invalid UTF-8 gets check()'s input.E101 warning). */
  checkText: (input: string | Uint8Array, options?: OptionsJson) => TypedCheck;
  /** checkText()'s findings [from, to) (default all) as the objects check()'s JSON holds;
   * `rules` is the "rules" array of rules('', options) for the same options, fetched once;
   * `text` the checked text as a string (decode bytes first). */
  expandFindings: (answer: TypedCheck, rules: RuleEntry[], text: string, from?: number, to?: number) => object[];
  /** check()'s JSON document with only its first `list` findings ("summary" counts them all),
   * computed through checkText(): the page's call for texts too large to list whole. */
  checkListed: (text: string | Uint8Array, options: OptionsJson, list: number) => string;
  /** The JSON/function ABI this module speaks; the page refuses one it does not know. */
  abiVersion(): number;
  /** JSON array of the platform names, in display order. */
  platforms(): string;
}

/** checkBytes()'s answer. `findings` is a view into the module's memory, valid until the next call. */
export interface CheckBytesAnswer {
  status: number;
  out: string;
  err: string;
  findings: Uint32Array;
  suggestions: string;
}

/** checkText()'s answer: `status` and `err` as command() gives them (0 clean, 1 an error-severity
 * finding, 2 refused); `out` check()'s JSON with "findings" left empty (platform, packs, summary,
 * warnings), or {"errors":[...]} when refused; `findings` a copy, 6 numbers per finding;
 * `suggestions` JSON [[finding index, suggestion], ...] for findings whose suggestion is not
 * their rule's own (a masked number). */
export interface TypedCheck {
  status: number;
  out: string;
  err: string;
  findings: Uint32Array;
  suggestions: string;
}

/** An entry of the "rules" array of rules(): the members a finding takes from its rule. */
export interface RuleEntry {
  id: string;
  category: string;
  severity: string;
  title: string;
  message: string;
  penalty: string;
  source: string;
  suggestion: string;
}

export interface KefuLintModuleArguments {
  /** The wasm bytes, for Node 18+, whose global fetch cannot load the .wasm by file path. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  print?: (line: string) => void;
  printErr?: (line: string) => void;
}

declare function createKefuLint(moduleArg?: KefuLintModuleArguments): Promise<KefuLintModule>;
export default createKefuLint;
