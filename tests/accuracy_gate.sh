#!/usr/bin/env bash
# The accuracy gate of issue 10: the built-in packs on the development split of the labeled
# corpus must keep every category's recall at 0.90 or more and 0.97 of clean replies clean.
# Enforced by default; KEFU_ACCURACY_GATE=0 in the environment skips it (exit 77, which ctest
# reports as skipped), for use while a pack edit is half done.
# usage: accuracy_gate.sh KEFU_LINT CORPUS_DIR
set -u
if [ "${KEFU_ACCURACY_GATE:-1}" = 0 ]; then
  echo "accuracy gate skipped: KEFU_ACCURACY_GATE=0"
  exit 77
fi
exec "$1" eval "$2" --min-recall 0.90 --min-clean 0.97
