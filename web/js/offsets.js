// The core reports offsets in code points and in UTF-16 units; JavaScript strings index by
// UTF-16 units, so an emoji before a finding shifts the code-point offsets by one per emoji.
export function utf16Range(text, finding) {
  if (Number.isInteger(finding.start_utf16) && Number.isInteger(finding.end_utf16))
    return [finding.start_utf16, finding.end_utf16];
  return [codePointToUtf16(text, finding.start), codePointToUtf16(text, finding.end)];
}

export function codePointToUtf16(text, codePoints) {
  let units = 0;
  let seen = 0;
  for (const ch of text) {
    if (seen === codePoints) break;
    units += ch.length;
    seen += 1;
  }
  return units;
}
