# Emscripten 3.1.6's loader fetch()es the SINGLE_FILE data: URI before decoding it itself; under
# the page's CSP (connect-src 'none') that fetch is refused and logged as an error on every load,
# although the fallback then works. Newer emscripten skips fetch for data URIs; do the same here.
# Usage: cmake -DJS=kefu_lint.js -P skip_data_uri_fetch.cmake
file(READ "${JS}" code)
set(from "if(!wasmBinary&&(ENVIRONMENT_IS_WEB||ENVIRONMENT_IS_WORKER)){if(typeof fetch==\"function\"){")
set(to "if(!wasmBinary&&(ENVIRONMENT_IS_WEB||ENVIRONMENT_IS_WORKER)){if(typeof fetch==\"function\"&&!isDataURI(wasmBinaryFile)){")
string(FIND "${code}" "${to}" done)
if(done EQUAL -1)
  string(FIND "${code}" "${from}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${JS}: the loader's getBinaryPromise is not the 3.1.6 one; check this patch")
  endif()
  string(REPLACE "${from}" "${to}" code "${code}")
  file(WRITE "${JS}" "${code}")
endif()
