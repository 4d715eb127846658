#!/usr/bin/env bash
# compare-reports.sh: proves that a refactor left every azscan report byte-identical.
#
#   bash scripts/compare-reports.sh [--ignore GLOB]... [--jobs N] [--keep] [--fast] [BASE [HEAD]]
#
# Builds BASE and HEAD (commits, each in its own temporary checkout), runs both builds over the
# same estates with the same pinned version, clock and environment, and compares every output
# byte for byte: per estate, `scan` in every format (plain and --verbose), `exposure` in every
# format, each run's stdout, stderr and exit code; per build, `rules`, `rules --format json`,
# `rules show ID` for every rule id, `--version` and the --help pages.
#
# The estates are fixtures/demo-tenant.json and every snapshot under fixtures/, taken from the
# BASE checkout and given to both builds by the same absolute path: the refactor may edit fixture
# files, and the point is the same input through both versions of the tool.
#
# Exit status: 0 byte-identical; 1 some output differs (listed, with the start of each diff);
# 2 the comparison could not be made (bad commit, npm ci or build failed).
#
# Options (each also an environment variable):
#   --ignore GLOB   COMPARE_IGNORE   a difference to accept, as a glob over the output's path in
#                                    the output tree (e.g. 'cli/scan.help.stdout'). Meant only
#                                    for outputs that differ because HEAD adds a flag; none by
#                                    default; repeatable (the variable: globs separated by
#                                    spaces or newlines). Ignored differences are still listed.
#   --jobs N        COMPARE_JOBS     runs at a time (default: the number of cores)
#   --keep          COMPARE_KEEP=1   keep the temporary folder (checkouts, outputs) and say where
#   --fast          COMPARE_FAST=1   about half the runs: `exposure` in table, csv, markdown and
#                                    html only for the estates whose exposure json is not the
#                                    same empty list in both builds, plus one estate per
#                                    fixtures/rules/<RULE>/ and every estate outside it (see
#                                    compare-reports/select-exposure.mjs). Not a proof for the
#                                    other estates' empty exposure lists in those formats.
#
#   COMPARE_NPM_CI=1                 npm ci in both checkouts even when the lock files match
#
# Time: one node start per run, 0.2-0.3s of CPU each; by default 7 runs per estate and build
# (`exposure` writes one format per run: it has no NAME=FILE outputs). On 2 otherwise idle cores
# that is about 12-15 minutes for both builds, and 7-9 with --fast; on a busy machine, more.
#
# Output tree, per build (its path is what --ignore matches):
#   cli/version.*, cli/<command>.help.*          azscan --version, --help of each command
#   rules/list.table.*, rules/list.json.*        azscan rules [--format json]
#   rules/show/<ID>.*                            azscan rules show ID
#   estates/<fixture path>/scan/cli.*            scan: stdout (table), stderr, exit code
#   estates/<fixture path>/scan/<format>         scan --output <format>=... for every format
#   estates/<fixture path>/scan-verbose/...      the same with --verbose
#   estates/<fixture path>/exposure/<format>.*   exposure --format <format>: stdout, stderr, exit
# where .* is .stdout, .stderr and .exit.
set -euo pipefail

# The commit before the refactor issue: the reports it writes are the reference the refactor
# must reproduce byte for byte.
DEFAULT_BASE=7b2353d

# The version both builds report (package.json "version" is rewritten in both checkouts), so
# that a version bump in HEAD is not a difference in every report.
PINNED_VERSION=0.0.0-compare

# The formats of `azscan scan --format` (src/report/formats.ts FORMAT_NAMES at 7b2353d) and of
# `azscan exposure --format` (src/report/exposure/formats.ts EXPOSURE_FORMAT_NAMES). Hard-coded,
# not read from --help: a format HEAD drops must show up as a failed run, not as one fewer run.
SCAN_FORMATS="table json sarif junit csv markdown html"
EXPOSURE_FORMATS="table json csv markdown html"

# A run that takes longer than this (seconds) is stopped; its exit code is then 124.
RUN_TIMEOUT=120

die() {
  printf 'compare-reports: %s\n' "$*" >&2
  exit 2
}
say() { printf 'compare-reports: %s\n' "$*" >&2; }

usage() {
  sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
}

ignores=()
jobs=${COMPARE_JOBS:-}
keep=${COMPARE_KEEP:-}
fast=${COMPARE_FAST:-}
positional=()
while (($# > 0)); do
  case $1 in
    --ignore) (($# >= 2)) || die "--ignore needs a GLOB"; ignores+=("$2"); shift 2 ;;
    --ignore=*) ignores+=("${1#--ignore=}"); shift ;;
    --jobs) (($# >= 2)) || die "--jobs needs a number"; jobs=$2; shift 2 ;;
    --jobs=*) jobs=${1#--jobs=}; shift ;;
    --keep) keep=1; shift ;;
    --fast) fast=1; shift ;;
    -h | --help) usage; exit 0 ;;
    --) shift; positional+=("$@"); break ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) positional+=("$1"); shift ;;
  esac
done
((${#positional[@]} <= 2)) || die "too many arguments: expected [BASE [HEAD]]"
if [[ -n ${COMPARE_IGNORE:-} ]]; then
  read -r -d '' -a from_env <<<"$COMPARE_IGNORE" || true
  ignores+=("${from_env[@]}")
fi
[[ -n $jobs ]] || jobs=$(nproc 2>/dev/null || echo 2)
[[ $jobs =~ ^[1-9][0-9]*$ ]] || die "--jobs: expected a positive number, got '$jobs'"

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
HELPERS=$SCRIPT_DIR/compare-reports
REPO=$(git -C "$SCRIPT_DIR" rev-parse --show-toplevel) || die "not in a git repository"
NODE=$(command -v node) || die "node is not on PATH"
command -v npm >/dev/null || die "npm is not on PATH"

resolve() {
  git -C "$REPO" rev-parse --verify --quiet "$1^{commit}" || die "'$1' is not a commit in $REPO"
}
base_sha=$(resolve "${positional[0]:-$DEFAULT_BASE}")
head_sha=$(resolve "${positional[1]:-HEAD}")
if ((${#positional[@]} < 2)) && [[ -n $(git -C "$REPO" status --porcelain --untracked-files=no) ]]; then
  say "note: HEAD is the commit $(git -C "$REPO" rev-parse --short HEAD); the working tree's uncommitted changes are not compared"
fi

started=$(date +%s)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/compare-reports.XXXXXX")
progress_pid=
cleanup() {
  local status=$?
  [[ -n $progress_pid ]] && kill "$progress_pid" 2>/dev/null || true
  if [[ -n $keep ]]; then
    say "kept $WORK (checkouts in base/ and head/, outputs in out/base and out/head)"
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "base $(git -C "$REPO" log -1 --format='%h %s' "$base_sha" | cut -c1-90)"
say "head $(git -C "$REPO" log -1 --format='%h %s' "$head_sha" | cut -c1-90)"

# ---------------------------------------------------------------------------------------------
# 1. Two checkouts, built with the pinned version.

# node_modules: the repository's own, linked, when package-lock.json is the same file in both
# commits and in this checkout (which is what `npm ci` installed from); otherwise npm ci.
shared_modules=
git -C "$REPO" show "$base_sha:package-lock.json" >"$WORK/base.lock" 2>/dev/null || die "$base_sha has no package-lock.json"
git -C "$REPO" show "$head_sha:package-lock.json" >"$WORK/head.lock" 2>/dev/null || die "$head_sha has no package-lock.json"
if [[ -z ${COMPARE_NPM_CI:-} && -d $REPO/node_modules && -f $REPO/package-lock.json ]] &&
  cmp -s "$WORK/base.lock" "$REPO/package-lock.json" && cmp -s "$WORK/head.lock" "$REPO/package-lock.json"; then
  shared_modules=$REPO/node_modules
  say "package-lock.json is the same in both commits and in $REPO: using its node_modules"
else
  say "package-lock.json differs between the commits or from $REPO (or COMPARE_NPM_CI is set): npm ci in each checkout"
fi

prepare() { # name sha
  local name=$1 sha=$2 dir=$WORK/$1
  mkdir -p "$dir"
  # git archive rather than a worktree: nothing is added to the repository's worktree list.
  git -C "$REPO" archive --format=tar "$sha" | tar -x -C "$dir"
  if git -C "$REPO" ls-tree -r --name-only "$sha" | grep -q '\(^\|/\)\.gitattributes$' &&
    git -C "$REPO" grep -q 'export-' "$sha" -- '*.gitattributes'; then
    say "warning: $name has export-ignore/export-subst attributes, which git archive applies"
  fi
  if [[ -n $shared_modules ]]; then
    ln -s "$shared_modules" "$dir/node_modules"
  else
    (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund) >"$WORK/$name.npm-ci.log" 2>&1 ||
      { tail -n 30 "$WORK/$name.npm-ci.log" >&2; say "npm ci failed in the $name checkout ($sha)"; return 1; }
  fi
  # The pinned version, before the build: a build that copies the version in gets it too.
  "$NODE" -e '
    const fs = require("fs");
    const [file, version] = process.argv.slice(1);
    const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
    if (typeof manifest.version !== "string") { console.error(file + ": no \"version\""); process.exit(1); }
    manifest.version = version;
    fs.writeFileSync(file, JSON.stringify(manifest, null, 2) + "\n");
  ' "$dir/package.json" "$PINNED_VERSION"
  (cd "$dir" && npm run build) >"$WORK/$name.build.log" 2>&1 ||
    { tail -n 30 "$WORK/$name.build.log" >&2; say "npm run build failed in the $name checkout ($sha)"; return 1; }
  # Outputs are written through this link, so that --output paths read the same in both builds.
  mkdir -p "$WORK/out/$name"
  ln -s "$WORK/out/$name" "$dir/.compare-out"
}

say "checking out and building both commits..."
prepare base "$base_sha" &
base_pid=$!
prepare head "$head_sha" &
head_pid=$!
build_failed=
wait "$base_pid" || build_failed=1
wait "$head_pid" || build_failed=1
[[ -z $build_failed ]] || die "could not build both commits"
built=$(date +%s)
say "built both in $((built - started))s"

# ---------------------------------------------------------------------------------------------
# 2. Runs. Every one: cwd the checkout, `node --import pinned-clock.mjs bin/azscan.js ...`, the
# same small environment (env -i: nothing of the caller's, such as NODE_OPTIONS, AZURE_* or
# NODE_EXTRA_CA_CERTS, which also costs ~40ms a start), stdin empty, stdout and stderr to files
# (so not a terminal: no colour, width 80).

export WORK NODE RUN_TIMEOUT SCAN_FORMATS
export PRELOAD=$HELPERS/pinned-clock.mjs
export ESTATE_ROOT=$WORK/base
export RUN_PATH="$(dirname "$NODE"):/usr/bin:/bin"
mkdir -p "$WORK/home"

# run_cli PREFIX ARGS...: runs azscan ARGS in the current folder, a checkout; writes
# PREFIX.stdout, PREFIX.stderr and PREFIX.exit (the exit code; 124 when stopped by the timeout).
run_cli() {
  local prefix=$1 status=0
  shift
  timeout "$RUN_TIMEOUT" /usr/bin/env -i PATH="$RUN_PATH" HOME="$WORK/home" NO_COLOR=1 TZ=UTC LANG=C COLUMNS=100 \
    "$NODE" --import "$PRELOAD" bin/azscan.js "$@" </dev/null >"$prefix.stdout" 2>"$prefix.stderr" || status=$?
  echo "$status" >"$prefix.exit"
}

# job KIND BUILD ARG FORMATS: one unit of work for xargs, in BUILD's checkout.
#   rule BUILD ID -                 rules show ID
#   estate BUILD FIXTURE FORMATS    scan, scan --verbose, and exposure in each of FORMATS
#   exposure BUILD FIXTURE FORMATS  exposure in each of FORMATS
job() {
  local kind=$1 build=$2 arg=$3 formats=$4 out=$WORK/out/$2
  cd "$WORK/$build" || return 255
  if [[ $kind == rule ]]; then
    run_cli "$out/rules/show/$arg" rules show "$arg"
    return 0
  fi
  [[ $kind == estate || $kind == exposure ]] || { echo "compare-reports: unknown job $kind" >&2; return 255; }
  local snapshot=$ESTATE_ROOT/$arg folder=$out/estates/$arg variant format
  mkdir -p "$folder/scan" "$folder/scan-verbose" "$folder/exposure"
  if [[ $kind == estate ]]; then
    for variant in scan scan-verbose; do
      # Written through the checkout's .compare-out link: the same --output text in both builds.
      local outputs=() verbose=()
      [[ $variant == scan-verbose ]] && verbose=(--verbose)
      for format in $SCAN_FORMATS; do outputs+=(--output "$format=.compare-out/estates/$arg/$variant/$format"); done
      run_cli "$folder/$variant/cli" scan ${verbose[@]+"${verbose[@]}"} --snapshot "$snapshot" "${outputs[@]}"
    done
  fi
  for format in $formats; do
    run_cli "$folder/exposure/$format" exposure --format "$format" --snapshot "$snapshot"
  done
}
export -f run_cli job

# Per build: version, help pages, the rule list.
for build in base head; do
  out=$WORK/out/$build
  mkdir -p "$out/cli" "$out/rules/show"
  (
    cd "$WORK/$build"
    run_cli "$out/cli/version" --version
    run_cli "$out/cli/azscan.help" --help
    for command in scan collect exposure rules "rules show"; do
      # shellcheck disable=SC2086 # "rules show" is two words
      run_cli "$out/cli/${command// /-}.help" $command --help
    done
    run_cli "$out/rules/list.table" rules
    run_cli "$out/rules/list.json" rules --format json
  )
  if [[ $(<"$out/cli/version.stdout") != "$PINNED_VERSION" ]]; then
    say "warning: the $build build says its version is '$(head -c 100 "$out/cli/version.stdout")', not the pinned $PINNED_VERSION: reports that carry the version will differ"
  fi
done

# Rule ids: those either build lists, so that a rule HEAD loses or gains is a difference.
rule_ids=$("$NODE" -e '
  const fs = require("fs");
  const ids = new Set();
  for (const file of process.argv.slice(1)) {
    try { for (const rule of JSON.parse(fs.readFileSync(file, "utf8"))) ids.add(rule.id); }
    catch (error) { console.error(`compare-reports: ${file}: ${error.message}`); }
  }
  console.log([...ids].filter((id) => typeof id === "string" && /^[\w.-]+$/.test(id)).sort().join("\n"));
' "$WORK/out/base/rules/list.json.stdout" "$WORK/out/head/rules/list.json.stdout")
[[ -n $rule_ids ]] || die "neither build listed any rule (see rules/list.json.stderr)"

# Estates: from the BASE checkout.
"$NODE" "$HELPERS/list-estates.mjs" "$WORK/base" >"$WORK/estates.tsv" || die "could not list the estates"
mapfile -t estates < <(awk -F'\t' '$1 == "estate" { print $2 }' "$WORK/estates.tsv")
mapfile -t skipped < <(awk -F'\t' '$1 == "skip" { print $2 " (" $3 ")" }' "$WORK/estates.tsv")
((${#estates[@]} > 0)) || die "no estates found under fixtures/ in $base_sha"
n_rules=$(wc -l <<<"$rule_ids")

# --fast: first exposure json only; the other exposure formats afterwards, where they can show
# something the json does not (see select-exposure.mjs).
if [[ -n $fast ]]; then first_formats=json; else first_formats=$EXPOSURE_FORMATS; fi
later_formats=$(tr ' ' '\n' <<<"$EXPOSURE_FORMATS" | grep -vxF -f <(tr ' ' '\n' <<<"$first_formats") | tr '\n' ' ' || true)
runs_per_build=$((9 + n_rules + ${#estates[@]} * (2 + $(wc -w <<<"$first_formats"))))
say "${#estates[@]} estates (${#skipped[@]} JSON files skipped), $n_rules rules: $runs_per_build runs per build${fast:+ before the rest of exposure}, $jobs at a time..."

# Progress, every 60s, from the exit-code files written so far.
(
  sleeper=
  trap '[[ -n $sleeper ]] && kill "$sleeper" 2>/dev/null; exit 0' TERM
  while :; do
    sleep 60 &
    sleeper=$!
    wait "$sleeper"
    say "  $(find "$WORK/out" -name '*.exit' | wc -l) runs done ($(($(date +%s) - built))s)"
  done
) &
progress_pid=$!

run_jobs() { # reads KIND ARG FORMATS lines; runs each for base and for head
  local kind arg formats
  while IFS=$'\t' read -r kind arg formats; do
    printf '%s\0%s\0%s\0%s\0' "$kind" base "$arg" "$formats" "$kind" head "$arg" "$formats"
  done | xargs -0 -n 4 -P "$jobs" bash -c 'job "$@"' job || die "some runs could not be made (see above)"
}

{
  while read -r id; do printf 'rule\t%s\t-\n' "$id"; done <<<"$rule_ids"
  for estate in "${estates[@]}"; do printf 'estate\t%s\t%s\n' "$estate" "$first_formats"; done
} | run_jobs

exposure_all=${#estates[@]}
if [[ -n $fast && -n ${later_formats// /} ]]; then
  mapfile -t selected < <(printf '%s\n' "${estates[@]}" | "$NODE" "$HELPERS/select-exposure.mjs" "$WORK/out/base" "$WORK/out/head")
  exposure_all=${#selected[@]}
  say "--fast: exposure in ${later_formats% } for ${#selected[@]} of ${#estates[@]} estates..."
  for estate in ${selected[@]+"${selected[@]}"}; do printf 'exposure\t%s\t%s\n' "$estate" "$later_formats"; done | run_jobs
fi

kill "$progress_pid" 2>/dev/null || true
wait "$progress_pid" 2>/dev/null || true
progress_pid=
rendered=$(date +%s)

# ---------------------------------------------------------------------------------------------
# 3. Compare.

# The outputs are written through .compare-out links; dropping them leaves only the trees.
rm -f "$WORK/base/.compare-out" "$WORK/head/.compare-out"
(cd "$WORK/out/base" && find . -type f | sed 's|^\./||' | LC_ALL=C sort) >"$WORK/files.base"
(cd "$WORK/out/head" && find . -type f | sed 's|^\./||' | LC_ALL=C sort) >"$WORK/files.head"
files_compared=$(LC_ALL=C sort -u "$WORK/files.base" "$WORK/files.head" | wc -l)

differing=()
set +e
diff -rq "$WORK/out/base" "$WORK/out/head" >"$WORK/diff-q.txt"
set -e
while IFS= read -r line; do
  case $line in
    "Files $WORK/out/base/"*" differ")
      rel=${line#"Files $WORK/out/base/"}
      differing+=("${rel%" and $WORK/out/head/"*}")
      ;;
    "Only in $WORK/out/base"* | "Only in $WORK/out/head"*)
      # Only in FOLDER: NAME (a file, or a folder with everything in it)
      side=${line#"Only in $WORK/out/"}
      side=${side%%[/:]*}
      rest=${line#"Only in $WORK/out/$side"}
      rest=${rest#/}
      folder=${rest%%: *}
      differing+=("${folder:+$folder/}${rest#*: } (only in $side)")
      ;;
    *) differing+=("$line") ;;
  esac
done <"$WORK/diff-q.txt"

is_ignored() {
  local path=${1%" (only in "*} glob
  for glob in ${ignores[@]+"${ignores[@]}"}; do
    # shellcheck disable=SC2053 # a glob on purpose
    [[ $path == $glob ]] && return 0
  done
  return 1
}
failing=()
accepted=()
for path in ${differing[@]+"${differing[@]}"}; do
  if is_ignored "$path"; then accepted+=("$path"); else failing+=("$path"); fi
done

finished=$(date +%s)
echo
echo "base:            $(git -C "$REPO" rev-parse --short "$base_sha")   head: $(git -C "$REPO" rev-parse --short "$head_sha")"
echo "estates:         ${#estates[@]} (from base's fixtures/)"
if ((${#skipped[@]} > 0)); then
  echo "skipped:         ${#skipped[@]} JSON files that are not snapshots:"
  printf '                   %s\n' "${skipped[@]}"
fi
echo "files compared:  $files_compared ($(wc -l <"$WORK/files.base") from base, $(wc -l <"$WORK/files.head") from head; $(grep -c '\.exit$' "$WORK/files.base") runs per build)"
if [[ -n $fast ]]; then
  echo "--fast:          exposure in every format for $exposure_all of ${#estates[@]} estates, json only for the rest"
fi
echo "time:            $((finished - started))s (checkout and build $((built - started))s, runs $((rendered - built))s, compare $((finished - rendered))s; $jobs jobs)"
if ((${#accepted[@]} > 0)); then
  echo "ignored:         ${#accepted[@]} differing files matched --ignore / COMPARE_IGNORE:"
  printf '                   %s\n' "${accepted[@]}"
fi
if ((${#failing[@]} == 0)); then
  if ((${#accepted[@]} > 0)); then
    echo "RESULT: byte-identical apart from the ${#accepted[@]} ignored files"
  else
    echo "RESULT: byte-identical"
  fi
  exit 0
fi

echo "RESULT: ${#failing[@]} files differ:"
if ((${#failing[@]} > 40)); then
  # By kind of output (the path without estates/<fixture>/), then the first 40.
  printf '%s\n' "${failing[@]}" | sed -E 's|^estates/.*\.json/|estates/*/|' | sort | uniq -c | sort -rn | sed 's/^ */  /'
  echo "first 40:"
fi
printf '  %s\n' "${failing[@]:0:40}"
shown=0
for path in "${failing[@]}"; do
  ((shown < 10)) || break
  [[ $path == *" (only in "* ]] && continue
  [[ -f $WORK/out/base/$path && -f $WORK/out/head/$path ]] || continue
  shown=$((shown + 1))
  echo
  diff -u --label "base/$path" --label "head/$path" "$WORK/out/base/$path" "$WORK/out/head/$path" | head -n 20 || true
done
if ((${#failing[@]} > shown)); then
  echo
  echo "(first lines of the first $shown diffs shown; run with --keep to look at the rest)"
fi
exit 1
