// Stores the SINGLE_FILE module's wasm gzipped (still base64 in the data: URI) and teaches the
// 3.1.6 loader to inflate it before instantiating. base64 of raw wasm compresses badly (gzip sees
// 6-bit symbols that straddle the bytes), so the offline page carried ~980 KB of base64 that
// gzipped to ~330 KB; base64 of gzipped wasm is a third of the bytes. Inflating costs a few ms:
// DecompressionStream in browsers and workers (Chromium 80, Firefox 113, Safari 16.4), zlib in
// Node. Everything else in the loader is untouched; the data: URI still means "no fetch".
// Usage: node gzip_inline_wasm.mjs kefu_lint.js
import fs from 'node:fs';
import zlib from 'node:zlib';

const file = process.argv[2];
let code = fs.readFileSync(file, 'utf8');
const MARK = 'function kefuInflateWasm(';
if (code.includes(MARK)) process.exit(0);  // already done (no relink since)

const uri = /wasmBinaryFile="data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/;
const found = code.match(uri);
if (!found) fail('the inline wasm data: URI');
const wasm = Buffer.from(found[1], 'base64');
if (wasm.readUInt32BE(0) !== 0x0061736d) fail('a wasm module in the data: URI');
const gz = zlib.gzipSync(wasm, { level: 9 });
code = code.replace(uri, () => `wasmBinaryFile="data:application/octet-stream;base64,${gz.toString('base64')}"`);

// getBinaryPromise is the one road from the data: URI to WebAssembly.instantiate (async
// compilation, no instantiateStreaming for data: URIs); route it through the inflater.
const head = 'function getBinaryPromise(){';
if (code.split(head).length !== 2) fail('one getBinaryPromise');
const inflate = MARK + 'bytes){if(ENVIRONMENT_IS_NODE){return Promise.resolve().then(function(){' +
  'return new Uint8Array(require("zlib").gunzipSync(bytes))})}' +
  'return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip")))' +
  '.arrayBuffer().then(function(b){kefuMarkInflated();return new Uint8Array(b)})}' +
  // A User Timing mark for bench/page/startup.mjs (where the start-up time goes).
  'function kefuMarkInflated(){if(typeof performance!=="undefined"&&performance.mark)performance.mark("kefu:wasm-inflated")}';
code = code.replace(head, () => inflate + head +
  'if(!wasmBinary&&isDataURI(wasmBinaryFile)){return kefuInflateWasm(tryParseAsDataURI(wasmBinaryFile))}');
// The only other reader of the URI is getBinary (called from getBinaryPromise, now bypassed)
// and the synchronous readBinary/read_ helpers, which the async loader never uses.
fs.writeFileSync(file, code);
console.log(`${file}: wasm ${wasm.length} bytes inline as ${gz.length} gzipped`);

function fail(what) {
  console.error(`${file}: ${what} not found; gzip_inline_wasm.mjs knows Emscripten 3.1.6's loader`);
  process.exit(1);
}
