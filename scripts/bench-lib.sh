# Shared by the benchmark scripts (sourced, not run): `median_ms CMD...` runs CMD `$runs` times
# and prints the median wall time in milliseconds; a failing run stops the script with its
# error. A script may set `before_each` to a function run (untimed) before every run.
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    [ -n "${before_each:-}" ] && "$before_each"
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}
