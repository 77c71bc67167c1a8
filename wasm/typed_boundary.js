// Appended to the module (--post-js), so it runs inside the module's scope: checkText(), the one
// JavaScript door to the typed boundary (docs/wasm-api.md). It writes the text's UTF-8 straight
// into the module's memory (TextEncoder.encodeInto into a malloc'ed block: no JS string crosses
// Embind, no per-byte loop), calls checkBytes and copies the findings out before freeing.
/* global Module, _malloc, _free, HEAPU8 */
var kefuEncoder = typeof TextEncoder === 'function' ? new TextEncoder() : null;

Module['checkText'] = function (input, options) {
  var isString = typeof input === 'string';
  // encodeInto writes at most 3 bytes per UTF-16 unit (a surrogate pair: 4 bytes for 2 units).
  var room = isString ? input.length * 3 : input.length;
  var ptr = _malloc(room || 1);
  if (!ptr) throw new Error('kefu-lint: out of memory for ' + room + ' bytes');
  try {
    var size;
    // HEAPU8 is read after _malloc: growing the memory replaces the views.
    if (isString) size = kefuEncoder.encodeInto(input, HEAPU8.subarray(ptr, ptr + room)).written;
    else {
      HEAPU8.set(input, ptr);
      size = input.length;
    }
    var answer = Module['checkBytes'](ptr, size, options || '');
    // The view points into the module's memory, which the next call reuses: copy it now.
    return {
      status: answer.status, out: answer.out, err: answer.err,
      findings: answer.findings.slice(), suggestions: answer.suggestions,
    };
  } finally {
    _free(ptr);
  }
};

// checkText()'s findings [from, to) as the objects check()'s JSON holds. `rules` is the "rules"
// array of rules('', options) for the same options (fetched once by the caller); `text` the
// checked text as a string (a finding's text is its UTF-16 span; decode bytes first). A 10 MB
// export has tens of thousands of findings and the page lists a few hundred: only those are
// made into objects.
Module['expandFindings'] = function (answer, rules, text, from, to) {
  var a = answer.findings;
  var n = a.length / 6;
  from = Math.max(0, from || 0);
  to = to === undefined ? n : Math.min(n, to);
  var own = answer.suggestions && answer.suggestions !== '[]' ? new Map(JSON.parse(answer.suggestions)) : null;
  var out = [];
  for (var i = from; i < to; i++) {
    var o = i * 6;
    var rule = rules[a[o]];
    out.push({
      rule: rule.id, category: rule.category, severity: rule.severity,
      start: a[o + 2], end: a[o + 3], start_utf16: a[o + 4], end_utf16: a[o + 5],
      text: text.slice(a[o + 4], a[o + 5]),
      title: rule.title, message: rule.message, penalty: rule.penalty,
      suggestion: own && own.has(i) ? own.get(i) : rule.suggestion, source: rule.source,
    });
  }
  return out;
};

// The rule table of the last options used by checkListed (a page keeps one choice of packs).
var kefuRuleTable = { options: null, rules: null };

// check()'s JSON document with only its first `list` findings (the summary still counts all):
// what a page that lists a few hundred findings of a 10 MB text needs, without the module
// writing, and the page parsing, a JSON object for every finding.
Module['checkListed'] = function (text, options, list) {
  options = options || '';
  var answer = Module['checkText'](text, options);
  var doc = JSON.parse(answer.out);
  if (doc.errors) return answer.out;
  if (kefuRuleTable.options !== options)
    kefuRuleTable = { options: options, rules: JSON.parse(Module['rules']('', options)).rules };
  var string = typeof text === 'string' ? text : new TextDecoder().decode(text);
  doc.findings = Module['expandFindings'](answer, kefuRuleTable.rules, string, 0, list);
  return JSON.stringify(doc);
};
