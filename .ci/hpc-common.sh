# Shared settings and helpers of .ci/hpc-start, .ci/hpc-stop and .ci/hpc-ctl (sourced, not run).
#
# The test "computer": OpenSSH and a one-node Slurm (slurmctld + slurmd + munge) on 127.0.0.1 with private
# ports, config files, sockets and state under $HPC_BASE. The remote side is the Unix user $HPC_USER whose
# home (the remote work root) lives on a tmpfs mounted in a private mount namespace: sshd and slurmd run
# inside that namespace, so the files the tests upload exist only there. On the host the mount point is an
# empty directory; even root, which can read every user's files, cannot reach them without going through
# SSH. That is what "no shared disk" means here.

# not under /tmp: sshd (StrictModes) refuses key files below a world-writable directory
HPC_BASE="${KKR4J_HPC_DIR:-/run/kkr4j-hpc}"
HPC_SSH_PORT="${KKR4J_HPC_SSH_PORT:-22422}"
HPC_SLURMCTLD_PORT="${KKR4J_HPC_SLURMCTLD_PORT:-16917}"
HPC_SLURMD_PORT="${KKR4J_HPC_SLURMD_PORT:-16918}"
HPC_USER="${KKR4J_HPC_USER:-kkr4jhpc}"
HPC_READY_TIMEOUT_S="${KKR4J_HPC_READY_TIMEOUT_S:-60}"

HPC_SSH_DIR="$HPC_BASE/ssh"
HPC_MUNGE_DIR="$HPC_BASE/munge"
HPC_SLURM_DIR="$HPC_BASE/slurm"
HPC_BIN_DIR="$HPC_BASE/bin"
HPC_REMOTE="$HPC_BASE/remote"          # tmpfs mount point inside the namespace, empty on the host
HPC_HOME="$HPC_REMOTE/$HPC_USER"       # the test user's home = remote work root (mode 700)
HPC_NS_PID_FILE="$HPC_BASE/namespace.pid"
HPC_SLURM_CONF="$HPC_SLURM_DIR/slurm.conf"
HPC_MUNGE_SOCKET="$HPC_MUNGE_DIR/munge.sock"
HPC_SSHD_PID_FILE="$HPC_SSH_DIR/sshd.pid"
HPC_SLURMCTLD_PID_FILE="$HPC_SLURM_DIR/slurmctld.pid"
HPC_SLURMD_PID_FILE="$HPC_SLURM_DIR/slurmd.pid"
HPC_MUNGED_PID_FILE="$HPC_MUNGE_DIR/munged.pid"
HPC_NODE="$(hostname -s)"

# pid from a pid file if that process is alive and runs the expected program, else nothing
hpc_pid() {
  local file=$1 comm=$2 pid
  [ -f "$file" ] || return 1
  pid=$(tr -dc 0-9 <"$file")
  [ -n "$pid" ] && hpc_alive "$pid" && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$comm" ] || return 1
  echo "$pid"
}

# the namespace holder's pid (a "sleep" started by hpc-start inside the private mount namespace)
hpc_ns_pid() { hpc_pid "$HPC_NS_PID_FILE" sleep; }

# runs a command inside the private mount namespace
hpc_in_ns() {
  local ns
  ns=$(hpc_ns_pid) || { echo "hpc: the private mount namespace is not running (run .ci/hpc-start)" >&2; return 1; }
  nsenter --mount="/proc/$ns/ns/mnt" -- "$@"
}

# all descendants of a pid (children first listed after their parent)
hpc_descendants() {
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
    echo "$child"
    hpc_descendants "$child"
  done
}

# a process that exists and is not a zombie (daemons are reparented to PID 1, which may reap them late)
hpc_alive() {
  local state
  state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) || return 1
  [ -n "$state" ] && [ "$state" != Z ]
}

# waits until a pid is gone; returns 1 after $2 seconds
hpc_wait_gone() {
  local pid=$1 deadline=$((SECONDS + $2))
  while hpc_alive "$pid"; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}

hpc_port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

hpc_slurm() { SLURM_CONF="$HPC_SLURM_CONF" "$@"; }

# sshd: the listener's pid file; SIGKILL takes the listener and every connection's processes with it
hpc_sshd_start() {
  if hpc_pid "$HPC_SSHD_PID_FILE" sshd >/dev/null; then return 0; fi
  hpc_port_taken "$HPC_SSH_PORT" && { echo "hpc: FATAL: 127.0.0.1:$HPC_SSH_PORT is taken by another process (set KKR4J_HPC_SSH_PORT)" >&2; return 1; }
  mkdir -p /run/sshd && chmod 755 /run/sshd
  rm -f "$HPC_SSHD_PID_FILE"
  hpc_in_ns /usr/sbin/sshd -f "$HPC_SSH_DIR/sshd_config" -E "$HPC_SSH_DIR/sshd.log" </dev/null >/dev/null 2>&1 \
    || { echo "hpc: FATAL: sshd did not start (log $HPC_SSH_DIR/sshd.log)" >&2; tail -n 20 "$HPC_SSH_DIR/sshd.log" >&2; return 1; }
  local deadline=$((SECONDS + HPC_READY_TIMEOUT_S))
  until hpc_pid "$HPC_SSHD_PID_FILE" sshd >/dev/null && hpc_port_taken "$HPC_SSH_PORT"; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "hpc: FATAL: sshd not listening on 127.0.0.1:$HPC_SSH_PORT after ${HPC_READY_TIMEOUT_S}s" >&2; tail -n 20 "$HPC_SSH_DIR/sshd.log" >&2; return 1; }
    sleep 0.1
  done
}

hpc_sshd_kill() {
  local pid all
  pid=$(hpc_pid "$HPC_SSHD_PID_FILE" sshd) || return 0
  all="$pid $(hpc_descendants "$pid")"
  # shellcheck disable=SC2086
  kill -KILL $all 2>/dev/null || true
  for p in $all; do hpc_wait_gone "$p" 10 || true; done
  rm -f "$HPC_SSHD_PID_FILE"
}

hpc_slurmctld_start() {
  if hpc_pid "$HPC_SLURMCTLD_PID_FILE" slurmctld >/dev/null; then return 0; fi
  hpc_port_taken "$HPC_SLURMCTLD_PORT" && { echo "hpc: FATAL: 127.0.0.1:$HPC_SLURMCTLD_PORT is taken by another process (set KKR4J_HPC_SLURMCTLD_PORT)" >&2; return 1; }
  rm -f "$HPC_SLURMCTLD_PID_FILE"
  # without -c: the saved state (queued and running jobs) is recovered
  hpc_slurm /usr/sbin/slurmctld </dev/null >/dev/null 2>&1 \
    || { echo "hpc: FATAL: slurmctld did not start (log $HPC_SLURM_DIR/slurmctld.log)" >&2; tail -n 20 "$HPC_SLURM_DIR/slurmctld.log" >&2; return 1; }
  local deadline=$((SECONDS + HPC_READY_TIMEOUT_S))
  until hpc_slurm scontrol ping 2>/dev/null | grep -q 'is UP'; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "hpc: FATAL: slurmctld not answering after ${HPC_READY_TIMEOUT_S}s" >&2; tail -n 20 "$HPC_SLURM_DIR/slurmctld.log" >&2; return 1; }
    sleep 0.2
  done
}

hpc_slurmctld_stop() {
  local pid
  pid=$(hpc_pid "$HPC_SLURMCTLD_PID_FILE" slurmctld) || return 0
  kill -TERM "$pid"
  hpc_wait_gone "$pid" 30 || { kill -KILL "$pid" 2>/dev/null || true; hpc_wait_gone "$pid" 5 || true; }
}
