#!/usr/bin/env bash
# The accuracy gate of issue 10: the built-in packs on the development split of the labeled
# corpus must keep every category's recall at 0.90 or more and 0.97 of clean replies clean.
# Off until the packs are tuned: -DKEFU_ACCURACY_GATE=ON (cmake) or KEFU_ACCURACY_GATE=1 (at
# ctest time) turns it on; off, the test reports itself skipped (exit 77).
# usage: accuracy_gate.sh KEFU_LINT CORPUS_DIR ENFORCED
set -u
if [ "${3:-0}" != 1 ] && [ "${KEFU_ACCURACY_GATE:-0}" != 1 ]; then
  echo "accuracy gate off: KEFU_ACCURACY_GATE=1 or -DKEFU_ACCURACY_GATE=ON turns it on"
  exit 77
fi
exec "$1" eval "$2" --min-recall 0.90 --min-clean 0.97
