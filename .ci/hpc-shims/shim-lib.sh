# Shared by the PBS and PJM test shims: they translate to the test Slurm and print what the real
# commands print (formats: kkr4j-remote/src/test/resources/org/kkr4j/remote/scheduler/golden/README.md).
# Test tools only: they implement the options the kkr4j adapters use, nothing more, and refuse the rest.

# Slurm time ("M:SS", "H:MM:SS", "D-HH:MM:SS", "UNLIMITED", "INVALID", "N/A") to seconds (-1 unknown)
shim_seconds() {
  awk -v t="$1" 'BEGIN {
    if (t !~ /^[0-9]/) { print -1; exit }
    d = 0; if (t ~ /-/) { split(t, a, "-"); d = a[1]; t = a[2] }
    n = split(t, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]
    if (n == 2) s = p[1] * 60 + p[2]
    print d * 86400 + s }'
}

# seconds to H:MM:SS with at least two hour digits (PBS) or four (PJM: width 4)
shim_hms() {
  local s=$1 width=${2:-2}
  printf "%0${width}d:%02d:%02d" $((s / 3600)) $((s % 3600 / 60)) $((s % 60))
}

# H:MM:SS / MM:SS / SS to Slurm's --time (minutes, rounded up: Slurm limits are whole minutes)
shim_slurm_minutes() {
  awk -v t="$1" 'BEGIN { n = split(t, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]
    print int((s + 59) / 60) }'
}

# one field of a "scontrol show job -o" line: shim_field LINE KEY
shim_field() {
  local line=" $1" key=$2
  line=${line#* "$key"=}
  [ "$line" != " $1" ] || return 1
  echo "${line%% *}"
}

shim_die() { echo "$SHIM_PREFIX$*" >&2; exit 1; }

# the "server" part of the PBS shim's job ids (SEQUENCE.SERVER)
SHIM_PBS_SERVER=kkr4jshim

# a PBS job id (SEQ or SEQ.SERVER) to the Slurm job id
shim_pbs_to_slurm() {
  [[ "$1" =~ ^([0-9]+)(\.[A-Za-z0-9._-]+)?$ ]] || return 1
  echo "${BASH_REMATCH[1]}"
}
