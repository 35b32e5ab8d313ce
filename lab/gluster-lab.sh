#!/usr/bin/env bash
# gluster-lab.sh -- a REAL Gluster geo-replication lab on this machine, for the contract tests.
#
#   bash lab/gluster-lab.sh up      start glusterd + a private sshd, create/start/mount the volumes
#   bash lab/gluster-lab.sh status  say what is running (exit 0 when the lab is fully up, 3 otherwise)
#   bash lab/gluster-lab.sh down    stop everything this lab started (by PID file only), remove its state
#   bash lab/gluster-lab.sh events-up    optional: start Gluster's events daemon (glustereventsd)
#   bash lab/gluster-lab.sh events-down  stop it, and remove the webhooks registered on the lab
#   bash lab/gluster-lab.sh events-reload  make it read its webhooks again (SIGUSR2)
# The events subcommands hold /var/lock/gluster-lab.lock (GLUSTER_LAB_LOCK) while they run, as
# every use of the shared lab must; a caller that already holds it sets GLUSTER_LAB_LOCK_HELD=1.
#
# What `up` builds (idempotent: run it again and it only repairs what is missing):
#   * glusterd started with a clean environment (env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin ...):
#     gsyncd's monitor finds the worker's python3 through PATH, and a pyenv/venv python3 kills it.
#     GR_SSH_IDENTITY_KEY points gverify.sh and the push-pem hook at the lab's own key, so root's
#     ~/.ssh/id_* is neither needed nor touched.
#   * sshd on 127.0.0.1:$LAB_SSH_PORT (default 2222) with its own config, host key, PID file and log,
#     accepting root with the lab key (root's own authorized_keys too: push-pem writes gsyncd's
#     command= keys there).
#   * volumes georep-primary and georep-secondary, one brick each under .lab/bricks (force: the
#     bricks are on the root file system), FUSE-mounted under .lab/mnt; changelog.rollover-time 3
#     on the primary so live geo-rep latency is a few seconds; `gsec_create` run.
#   * lab/lab.env with the host name, ports, volumes, mounts and key paths for the tests.
# Everything lives in the lab's state folder, $GLUSTER_LAB_DIR (default /var/lib/gluster-lab),
# except what Gluster itself keeps under /var/lib/glusterd, /var/log/glusterfs and
# /var/lib/misc/gluster, and the gsyncd keys push-pem adds to /root/.ssh/authorized_keys; `down`
# removes the lab's entries from those. The state folder is not inside the checkout on purpose:
# sshd's StrictModes (OpenSSH auth.c, secure_filename/auth_secure_path) refuses an authorized_keys
# file when any folder above it is writable by group or others, so a checkout under /tmp (mode
# 1777) could never log in. The lab's sshd keeps StrictModes on; the folder is made to pass it.
set -euo pipefail
# Close every descriptor this script inherited beyond stdin/out/err before it starts daemons:
# under `flock LOCK bash lab/gluster-lab.sh up` the lock's descriptor would otherwise pass to
# glusterd, its mounts and sshd, which would hold the lab's lock for as long as they run.
for _fd in /proc/$$/fd/*; do
  _fd=${_fd##*/}
  if [ "$_fd" -gt 2 ] 2>/dev/null; then eval "exec ${_fd}>&-" 2>/dev/null || true; fi
done
unset _fd

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
LAB=${GLUSTER_LAB_DIR:-/var/lib/gluster-lab}
ENV_FILE=$HERE/lab.env
SSH_PORT=${LAB_SSH_PORT:-2222}
PVOL=${LAB_PRIMARY_VOLUME:-georep-primary}
SVOL=${LAB_SECONDARY_VOLUME:-georep-secondary}
ROLLOVER_TIME=${LAB_ROLLOVER_TIME:-3}

RUN=$LAB/run
SSHDIR=$LAB/ssh
BRICKS=$LAB/bricks
MNT=$LAB/mnt
LOGDIR=$LAB/log
GLUSTERD_PID=$RUN/glusterd.pid
SSHD_PID=$RUN/sshd.pid
SSHD_CONF=$SSHDIR/sshd_config
HOST_KEY=$SSHDIR/ssh_host_ed25519_key
CLIENT_KEY=$SSHDIR/id_ed25519
KNOWN_HOSTS=$SSHDIR/known_hosts
LAB_AUTH_KEYS=$SSHDIR/authorized_keys
CLEAN_ENV=(env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root)
GLUSTER=("${CLEAN_ENV[@]}" gluster --mode=script)
GEOREP_SECRET_PUB=/var/lib/glusterd/geo-replication/common_secret.pem.pub

T0=$(date +%s)
say() { printf '[gluster-lab +%ss] %s\n' "$(($(date +%s) - T0))" "$*"; }
die() {
  printf '[gluster-lab] ERROR: %s\n' "$*" >&2
  exit 1
}

pick_host() {
  # Gluster refuses localhost, 127.* and 0.* as the literal host of a brick or peer, but accepts
  # the machine's host name even when it resolves to 127.0.0.1.
  local h
  h=${LAB_HOST:-$(hostname)}
  case "$h" in localhost | localhost.* | 127.* | 0.* | "") h=$(hostname -I 2>/dev/null | awk '{print $1}') ;; esac
  [ -n "$h" ] || die "no usable host name or address for the bricks (hostname is '$(hostname)')"
  echo "$h"
}

# A process that is gone may linger as a zombie where PID 1 does not reap (containers): kill -0
# still succeeds on it, so read its state too.
running() { kill -0 "$1" 2>/dev/null && [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]; }
pid_alive() { [ -s "$1" ] && running "$(cat "$1")"; }

stop_pid() { # stop_pid PID what: TERM, wait up to 10 s, then KILL; by PID only
  local p=$1 what=$2
  [ -n "$p" ] && running "$p" || return 0
  kill "$p" 2>/dev/null || true
  for _ in $(seq 1 100); do
    running "$p" || {
      say "stopped $what (pid $p)"
      return 0
    }
    sleep 0.1
  done
  kill -9 "$p" 2>/dev/null || true
  say "killed $what (pid $p) after 10 s"
}

# The same walk as sshd's StrictModes (OpenSSH auth.c auth_secure_path): every folder from the
# authorized_keys file's up to / must be owned by root and not writable by group or others.
# Say which one fails, before sshd refuses every login with only a line in its own log.
check_strict_modes() {
  local d
  d=$(readlink -f "$1")
  while :; do
    local owner mode
    owner=$(stat -c %u "$d")
    mode=$(stat -c %a "$d")
    if [ "$owner" != 0 ] || [ $((8#$mode & 8#022)) != 0 ]; then
      die "sshd (StrictModes) would refuse the lab's keys: $d is owned by uid $owner with mode $mode; choose GLUSTER_LAB_DIR under a root-owned folder that only root can write (default /var/lib/gluster-lab)"
    fi
    [ "$d" = / ] && break
    d=$(dirname "$d")
  done
}

glusterd_answers() { "${GLUSTER[@]}" peer status >/dev/null 2>&1; }

# ------------------------------------------------------------------------------------------ up
preflight() {
  [ "$(id -u)" = 0 ] || die "must run as root (glusterd, FUSE mounts and bricks with trusted.* xattrs need it)"
  local c
  for c in glusterd gluster sshd ssh ssh-keygen mount.glusterfs setfattr getfattr mountpoint; do
    command -v "$c" >/dev/null 2>&1 || PATH=/usr/sbin:/usr/bin:/sbin:/bin command -v "$c" >/dev/null 2>&1 ||
      die "'$c' is missing: apt-get install -y --no-install-recommends glusterfs-server glusterfs-client openssh-server openssh-client rsync attr"
  done
  [ -c /dev/fuse ] || die "/dev/fuse is missing: FUSE mounts (and so geo-replication) are impossible here"
  mkdir -p "$RUN" "$SSHDIR" "$BRICKS" "$MNT" "$LOGDIR"
  chmod 755 "$LAB"
  chmod 700 "$SSHDIR"
  check_strict_modes "$SSHDIR"
  # bricks need trusted.* extended attributes
  local probe=$BRICKS/.xattr-probe
  : >"$probe"
  setfattr -n trusted.gluster-lab -v 1 "$probe" 2>/dev/null ||
    die "the file system under $BRICKS does not support trusted.* extended attributes (bricks need them)"
  rm -f "$probe"
}

start_sshd() {
  mkdir -p /run/sshd
  [ -f "$HOST_KEY" ] || ssh-keygen -q -t ed25519 -N '' -C "gluster-lab-host" -f "$HOST_KEY"
  [ -f "$CLIENT_KEY" ] || ssh-keygen -q -t ed25519 -N '' -C "gluster-lab-client" -f "$CLIENT_KEY"
  cp "$CLIENT_KEY.pub" "$LAB_AUTH_KEYS"
  chmod 600 "$LAB_AUTH_KEYS"
  printf '[%s]:%s %s\n' "$HOST" "$SSH_PORT" "$(cut -d' ' -f1,2 "$HOST_KEY.pub")" >"$KNOWN_HOSTS"
  # A root password locked with '!' makes sshd refuse root even with a key when UsePAM is off:
  # '*' means "no password", and keys work. Remember the original to restore it on `down`.
  local pw
  pw=$(getent shadow root | cut -d: -f2)
  if [ "${pw#!}" != "$pw" ]; then
    [ -f "$LAB/root-password.orig" ] || printf '%s\n' "$pw" >"$LAB/root-password.orig"
    usermod -p '*' root
    say "root password was locked ('!'); set to '*' (no password, key login allowed); 'down' restores it"
  fi
  cat >"$SSHD_CONF" <<EOF
# private sshd of the Gluster lab (lab/gluster-lab.sh); not the system's sshd
Port $SSH_PORT
ListenAddress 127.0.0.1
HostKey $HOST_KEY
PidFile $SSHD_PID
PermitRootLogin prohibit-password
PubkeyAuthentication yes
AuthorizedKeysFile .ssh/authorized_keys $LAB_AUTH_KEYS
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
MaxSessions 64
MaxStartups 64:30:128
Subsystem sftp /usr/lib/openssh/sftp-server
EOF
  if pid_alive "$SSHD_PID"; then
    say "sshd already running on 127.0.0.1:$SSH_PORT (pid $(cat "$SSHD_PID"))"
  else
    "${CLEAN_ENV[@]}" /usr/sbin/sshd -t -f "$SSHD_CONF" || die "sshd refuses its config $SSHD_CONF"
    "${CLEAN_ENV[@]}" /usr/sbin/sshd -f "$SSHD_CONF" -E "$LOGDIR/sshd.log" ||
      die "sshd did not start (port $SSH_PORT busy?); see $LOGDIR/sshd.log"
    for _ in $(seq 1 50); do
      [ -s "$SSHD_PID" ] && break
      sleep 0.1
    done
    pid_alive "$SSHD_PID" || die "sshd did not start; see $LOGDIR/sshd.log"
    say "sshd started on 127.0.0.1:$SSH_PORT (pid $(cat "$SSHD_PID"), config $SSHD_CONF)"
  fi
  ssh -p "$SSH_PORT" -i "$CLIENT_KEY" -o BatchMode=yes -o IdentitiesOnly=yes -o StrictHostKeyChecking=yes \
    -o UserKnownHostsFile="$KNOWN_HOSTS" -o ConnectTimeout=10 "root@$HOST" true ||
    die "key login root@$HOST:$SSH_PORT does not work; see $LOGDIR/sshd.log"
  say "root key login to $HOST:$SSH_PORT works (key $CLIENT_KEY)"
}

start_glusterd() {
  if pid_alive "$GLUSTERD_PID"; then
    say "glusterd already running (pid $(cat "$GLUSTERD_PID"))"
  else
    if glusterd_answers; then
      die "a glusterd this lab did not start is already running (pid(s): $(pgrep -x glusterd | tr '\n' ' ')); stop it first"
    fi
    # clean environment: gsyncd's monitor starts its worker as `python3` found through PATH
    "${CLEAN_ENV[@]}" GR_SSH_IDENTITY_KEY="$CLIENT_KEY" /usr/sbin/glusterd -p "$GLUSTERD_PID" ||
      die "glusterd did not start; see /var/log/glusterfs/glusterd.log"
  fi
  for _ in $(seq 1 75); do
    glusterd_answers && break
    sleep 0.2
  done
  if ! glusterd_answers; then
    tail -n 5 /var/log/glusterfs/glusterd.log 2>/dev/null | sed 's/^/    /' >&2 || true
    die "glusterd does not answer 'gluster peer status' after 15 s; see /var/log/glusterfs/glusterd.log"
  fi
  pid_alive "$GLUSTERD_PID" || die "glusterd answers but its PID file $GLUSTERD_PID is not alive"
  say "glusterd answers (pid $(cat "$GLUSTERD_PID"), Gluster $(gluster --version | awk 'NR==1{print $2}'))"
}

vol_exists() { "${GLUSTER[@]}" volume info "$1" >/dev/null 2>&1; }
vol_started() { "${GLUSTER[@]}" volume info "$1" 2>/dev/null | grep -q '^Status: Started'; }
brick_online() { "${CLEAN_ENV[@]}" gluster --xml volume status "$1" 2>/dev/null | grep -q '<status>1</status>'; }

make_volume() {
  local v=$1 b=$BRICKS/$1
  if vol_exists "$v" && [ ! -d "$b" ]; then
    say "volume $v exists but its brick $b is gone: recreating the volume"
    "${GLUSTER[@]}" volume stop "$v" force >/dev/null 2>&1 || true
    "${GLUSTER[@]}" volume delete "$v" >/dev/null
  fi
  mkdir -p "$b"
  if ! vol_exists "$v"; then
    if getfattr -n trusted.glusterfs.volume-id "$b" >/dev/null 2>&1; then
      say "brick $b belonged to a deleted volume: wiping it"
      rm -rf "$b"
      mkdir -p "$b"
    fi
    "${GLUSTER[@]}" volume create "$v" "$HOST:$b" force >/dev/null
    say "volume $v created (brick $HOST:$b)"
  fi
  if ! vol_started "$v"; then
    "${GLUSTER[@]}" volume start "$v" >/dev/null
    say "volume $v started"
  fi
  if ! brick_online "$v"; then # e.g. after a glusterd restart
    "${GLUSTER[@]}" volume start "$v" force >/dev/null
    say "volume $v: brick process restarted (start force)"
  fi
}

mount_volume() {
  local v=$1 m=$MNT/$1
  mkdir -p "$m"
  if mountpoint -q "$m"; then
    # a mount whose client died answers "Transport endpoint is not connected": remount it
    if ! stat "$m" >/dev/null 2>&1; then
      umount -l "$m" || true
    else
      return 0
    fi
  fi
  "${CLEAN_ENV[@]}" mount -t glusterfs "$HOST:/$v" "$m" || die "cannot mount $HOST:/$v on $m"
  say "mounted $HOST:/$v on $m"
}

write_env() {
  local fp
  fp=$(ssh-keygen -lf "$HOST_KEY.pub" | awk '{print $2}')
  cat >"$ENV_FILE" <<EOF
# Written by lab/gluster-lab.sh up; removed by lab/gluster-lab.sh down.
LAB_HOST=$HOST
LAB_SSH_PORT=$SSH_PORT
LAB_SSH_USER=root
LAB_SSH_KEY=$CLIENT_KEY
LAB_SSH_KNOWN_HOSTS=$KNOWN_HOSTS
LAB_SSH_HOST_FINGERPRINT=$fp
LAB_PRIMARY_VOLUME=$PVOL
LAB_SECONDARY_VOLUME=$SVOL
LAB_PRIMARY_BRICK=$BRICKS/$PVOL
LAB_SECONDARY_BRICK=$BRICKS/$SVOL
LAB_PRIMARY_MOUNT=$MNT/$PVOL
LAB_SECONDARY_MOUNT=$MNT/$SVOL
LAB_GLUSTER_VERSION=$(gluster --version | awk 'NR==1{print $2}')
EOF
  say "wrote $ENV_FILE"
}

do_up() {
  preflight
  # push-pem creates /root/.ssh when it is absent; remember, so that `down` can remove it again
  [ -e /root/.ssh ] || [ -f "$LAB/root-ssh.absent" ] || : >"$LAB/root-ssh.absent"
  start_sshd
  start_glusterd
  make_volume "$PVOL"
  make_volume "$SVOL"
  if [ -n "$ROLLOVER_TIME" ] &&
    [ "$("${GLUSTER[@]}" volume get "$PVOL" changelog.rollover-time | awk '$1=="changelog.rollover-time"{print $2}')" != "$ROLLOVER_TIME" ]; then
    "${GLUSTER[@]}" volume set "$PVOL" changelog.rollover-time "$ROLLOVER_TIME" >/dev/null
    say "volume $PVOL: changelog.rollover-time $ROLLOVER_TIME (faster live geo-rep)"
  fi
  mount_volume "$PVOL"
  mount_volume "$SVOL"
  "${GLUSTER[@]}" system:: execute gsec_create >/dev/null
  say "gsec_create done (geo-rep keys in /var/lib/glusterd/geo-replication)"
  write_env
  say "lab is up: $HOST, sshd :$SSH_PORT, volumes $PVOL -> $SVOL; run: GLUSTER_LAB=1 npx jest test/contract/real.test.ts"
}

# ------------------------------------------------------------------------------------ events
# Gluster's events API (../shared/reference/gluster-local.md, "Gluster's events API"): the daemon
# listens on UDP 55555 (/etc/glusterfs/eventsconfig.json) for what glusterd, the CLI and gsyncd
# send, and posts it to the webhooks in /var/lib/glusterd/events/webhooks.json. It removes its own
# PID file about 2 s after it starts (glustereventsd.py main() leaves `with PidFile(...)` once its
# threads run), so the lab keeps the PID it started in a file of its own: that is what stops it
# and what SIGUSR2 (reload, after `gluster-eventsapi webhook-add`) is sent to.
EVENTS_DIR=$LAB/events
EVENTS_PID=$EVENTS_DIR/glustereventsd.lab-pid
WEBHOOKS=/var/lib/glusterd/events/webhooks.json

# UDP 55555 (hex D903) bound, from the kernel's own table (no iproute2 needed)
events_udp_bound() {
  awk 'FNR>1 { split($2, a, ":"); if (a[2] == "D903") f = 1 } END { exit !f }' /proc/net/udp /proc/net/udp6 2>/dev/null
}

do_events_up() {
  [ "$(id -u)" = 0 ] || die "must run as root"
  pid_alive "$GLUSTERD_PID" || die "the lab is not up (glusterd of this lab is not running): bash lab/gluster-lab.sh up first"
  PATH=/usr/sbin:/usr/bin:/sbin:/bin command -v glustereventsd >/dev/null 2>&1 ||
    die "glustereventsd is missing (Debian's glusterfs-server ships it; EL: glusterfs-events)"
  mkdir -p "$EVENTS_DIR"
  if pid_alive "$EVENTS_PID"; then
    say "glustereventsd: already running (pid $(cat "$EVENTS_PID"))"
    return 0
  fi
  events_udp_bound && die "UDP port 55555 is taken by another process (another glustereventsd?); not starting a second one"
  # a clean environment, as glusterd's; its own log in the lab's folder
  setsid "${CLEAN_ENV[@]}" glustereventsd --pid-file "$EVENTS_DIR/glustereventsd.pid" \
    >>"$LOGDIR/glustereventsd.out" 2>&1 </dev/null &
  echo $! >"$EVENTS_PID"
  for _ in $(seq 1 100); do
    events_udp_bound && break
    pid_alive "$EVENTS_PID" || die "glustereventsd exited at once; see $LOGDIR/glustereventsd.out and /var/log/glusterfs/events.log"
    sleep 0.1
  done
  events_udp_bound || die "glustereventsd did not listen on UDP 55555 within 10 s"
  say "glustereventsd: running (pid $(cat "$EVENTS_PID")), UDP 55555; webhooks: $WEBHOOKS"
}

do_events_reload() {
  pid_alive "$EVENTS_PID" || die "glustereventsd of this lab is not running (bash lab/gluster-lab.sh events-up)"
  kill -USR2 "$(cat "$EVENTS_PID")"
  say "glustereventsd: told to read its webhooks again (SIGUSR2)"
}

do_events_down() {
  # Webhooks the lab's tests registered: the service on this machine (loopback URLs).
  if [ -s "$WEBHOOKS" ] && pid_alive "$GLUSTERD_PID"; then
    local url
    for url in $(python3 -c 'import json,sys; print("\n".join(u for u in json.load(open(sys.argv[1])) if u.startswith(("http://127.0.0.1:", "http://localhost:"))))' "$WEBHOOKS" 2>/dev/null); do
      "${CLEAN_ENV[@]}" gluster-eventsapi webhook-del "$url" >/dev/null 2>&1 || true
      say "webhook removed: $url"
    done
  fi
  if [ -s "$EVENTS_PID" ]; then
    stop_pid "$(cat "$EVENTS_PID")" glustereventsd
    rm -f "$EVENTS_PID"
  fi
  # glustereventsd forks a worker that outlives its parent's TERM (seen here: the parent gone, the
  # worker still on UDP 55555): every process started with this lab's PID file goes too.
  local left
  for left in $(pgrep -f -- "--pid-file $EVENTS_DIR/glustereventsd.pid" || true); do
    stop_pid "$left" "glustereventsd's worker"
  done
  rm -rf "$EVENTS_DIR"
}

# Every events subcommand under the lab's lock, unless the caller holds it already.
with_lock() {
  if [ "${GLUSTER_LAB_LOCK_HELD:-}" = 1 ]; then
    "$@"
  else
    GLUSTER_LAB_LOCK_HELD=1 exec flock "${GLUSTER_LAB_LOCK:-/var/lock/gluster-lab.lock}" bash "$0" "$cmd"
  fi
}

# --------------------------------------------------------------------------------------- status
do_status() {
  local ok=0
  if pid_alive "$GLUSTERD_PID"; then say "glusterd: running (pid $(cat "$GLUSTERD_PID"))"; else
    say "glusterd: not running (from this lab)"
    ok=3
  fi
  if pid_alive "${LAB}/events/glustereventsd.lab-pid"; then say "glustereventsd: running (pid $(cat "$LAB/events/glustereventsd.lab-pid")) (optional: events-up)"; else
    say "glustereventsd: not running (optional: bash lab/gluster-lab.sh events-up)"
  fi
  if pid_alive "$SSHD_PID"; then say "sshd: running on 127.0.0.1:$SSH_PORT (pid $(cat "$SSHD_PID"))"; else
    say "sshd: not running"
    ok=3
  fi
  local v
  for v in "$PVOL" "$SVOL"; do
    if pid_alive "$GLUSTERD_PID" && vol_exists "$v"; then
      if vol_started "$v" && brick_online "$v"; then say "volume $v: started, brick online"; else
        say "volume $v: exists, not fully up"
        ok=3
      fi
    else
      say "volume $v: absent"
      ok=3
    fi
    if mountpoint -q "$MNT/$v" 2>/dev/null; then say "mount $MNT/$v: mounted"; else
      say "mount $MNT/$v: not mounted"
      ok=3
    fi
  done
  if pid_alive "$GLUSTERD_PID"; then
    say "geo-replication sessions:"
    "${GLUSTER[@]}" volume geo-replication status 2>&1 | sed 's/^/    /' || true
  fi
  [ -f "$ENV_FILE" ] && say "lab.env: $ENV_FILE" || say "lab.env: absent"
  return $ok
}

# ----------------------------------------------------------------------------------------- down
# The lab's volumes: its own two, and every volume a test made whose bricks all lie under the lab's
# folder or the system's temporary folder (a killed run leaves those behind in glusterd's state).
lab_volumes() {
  "${GLUSTER[@]}" volume info 2>/dev/null | awk -v lab="$BRICKS/" -v tmp="${TMPDIR:-/tmp}/" -v p="$PVOL" -v s="$SVOL" '
    function flush() { if (v != "" && (v == p || v == s || (n > 0 && ours == n))) print v }
    /^Volume Name: / { flush(); v = $3; n = 0; ours = 0; next }
    /^Brick[0-9]+: / { n++; b = $2; sub(/^[^:]*:/, "", b); if (index(b, lab) == 1 || index(b, tmp) == 1) ours++ }
    END { flush() }'
}

lab_sessions() { # "primary secondary-url" of every session whose primary is a lab volume
  local v
  for v in $(lab_volumes); do
    "${CLEAN_ENV[@]}" gluster --mode=script --xml volume geo-replication "$v" status 2>/dev/null |
      sed -n 's#.*<session_[a-z]*>[^:]*:ssh://\(.*\):[0-9a-f-]*</session_[a-z]*>.*#\1#p' | sort -u |
      sed "s#^#$v #"
  done
}

# Processes that serve the given volumes but have no PID file of the lab's: gsyncd workers and
# monitors, the glusterfs clients of their auxiliary (lazily unmounted) mounts, and brick
# processes or clients of anything under the lab's folder (glusterd killed leaves its bricks).
leftovers_of() { # leftovers_of VOL...
  local re p
  re=$(printf '%s|' "$@")
  re=${re%|}
  for p in $(pgrep -f -- "--volfile-id[ =]/?($re)( |$)|gsyncd.* ($re) |glusterfs.* $LAB/" 2>/dev/null); do
    running "$p" && echo "$p"
  done
}

do_down() {
  [ "$(id -u)" = 0 ] || die "must run as root"
  HOST=$(pick_host)
  local v s p pv
  local vols=""
  # After a killed run glusterd may be gone while its state still holds the lab's volumes and
  # sessions: start it again (as `up` does) so that they are removed, not left for the next run.
  if [ -d "$LAB" ] && ! pid_alive "$GLUSTERD_PID" && ! glusterd_answers &&
    [ -n "$(ls -A /var/lib/glusterd/vols 2>/dev/null)" ] && [ -x /usr/sbin/glusterd ]; then
    say "glusterd is not running but its state holds volumes: starting it to remove the lab's"
    (start_glusterd) || say "glusterd did not start; its state is left as it is"
  fi
  if pid_alive "$GLUSTERD_PID" && glusterd_answers; then
    vols=$(lab_volumes)
    while read -r pv s; do
      [ -n "$s" ] || continue
      "${GLUSTER[@]}" volume geo-replication "$pv" "$s" stop force >/dev/null 2>&1 || true
      "${GLUSTER[@]}" volume geo-replication "$pv" "$s" delete reset-sync-time >/dev/null 2>&1 || true
      say "geo-rep session $pv -> $s stopped and deleted"
    done < <(lab_sessions)
  fi
  # every mount under the lab's folder (the volumes', and any a test left there)
  for m in $(awk -v lab="$LAB/" 'index($2, lab) == 1 {print $2}' /proc/mounts | sort -r); do
    umount "$m" 2>/dev/null || umount -l "$m"
    say "unmounted $m"
  done
  if pid_alive "$GLUSTERD_PID" && glusterd_answers; then
    for v in $vols; do
      vol_exists "$v" || continue
      local brick_pids
      brick_pids=$(cat /var/run/gluster/vols/"$v"/*.pid 2>/dev/null || true)
      "${GLUSTER[@]}" volume stop "$v" force >/dev/null 2>&1 || true
      "${GLUSTER[@]}" volume delete "$v" >/dev/null 2>&1 || true
      for p in $brick_pids; do stop_pid "$p" "brick process of $v"; done
      say "volume $v stopped and deleted"
    done
  fi
  if [ -s "$GLUSTERD_PID" ]; then
    stop_pid "$(cat "$GLUSTERD_PID")" glusterd
    rm -f "$GLUSTERD_PID"
  fi
  if [ -s "$SSHD_PID" ]; then
    local sp
    sp=$(cat "$SSHD_PID")
    if running "$sp"; then
      # freeze the listener so that no session starts while its sessions are being stopped
      kill -STOP "$sp" 2>/dev/null || true
      for p in $(pgrep -P "$sp" 2>/dev/null || true); do stop_pid "$p" "sshd session"; done
      kill -TERM "$sp" 2>/dev/null || true
      kill -CONT "$sp" 2>/dev/null || true
      stop_pid "$sp" sshd
    fi
    rm -f "$SSHD_PID"
  fi
  # what a killed run leaves with no PID file: gsyncd and its auxiliary mounts' clients
  # shellcheck disable=SC2086
  for p in $(leftovers_of "$PVOL" "$SVOL" $vols); do stop_pid "$p" "leftover process $(ps -o comm= -p "$p" 2>/dev/null || true)"; done
  # keys push-pem added for the lab's sessions (the lines of gsec_create's common secret)
  if [ -f /root/.ssh/authorized_keys ] && [ -s "$GEOREP_SECRET_PUB" ]; then
    local tmp
    tmp=$(mktemp)
    grep -vxFf "$GEOREP_SECRET_PUB" /root/.ssh/authorized_keys >"$tmp" || true
    if ! cmp -s "$tmp" /root/.ssh/authorized_keys; then
      cat "$tmp" >/root/.ssh/authorized_keys
      say "removed the gsyncd keys push-pem added to /root/.ssh/authorized_keys"
    fi
    rm -f "$tmp"
  fi
  # the host key gsyncd's ssh recorded for the lab's sshd (StrictHostKeyChecking=no adds it)
  if [ -f /root/.ssh/known_hosts ]; then
    local had_old=0
    [ -e /root/.ssh/known_hosts.old ] && had_old=1
    ssh-keygen -R "[$HOST]:$SSH_PORT" -f /root/.ssh/known_hosts >/dev/null 2>&1 || true
    [ "$had_old" = 1 ] || rm -f /root/.ssh/known_hosts.old
  fi
  if [ -f "$LAB/root-ssh.absent" ] && [ -d /root/.ssh ]; then
    local f
    for f in authorized_keys known_hosts; do [ -s "/root/.ssh/$f" ] || rm -f "/root/.ssh/$f"; done
    rmdir /root/.ssh 2>/dev/null && say "removed /root/.ssh (it did not exist before the lab)" || true
  fi
  if [ -s "$LAB/root-password.orig" ]; then
    usermod -p "$(cat "$LAB/root-password.orig")" root
    say "root password field restored"
  fi
  # session state and logs Gluster keeps for the lab's primary volume (every secondary it had)
  rm -rf "/var/lib/misc/gluster/gsyncd/${PVOL}_"* "/var/log/glusterfs/geo-replication/${PVOL}_"* \
    "/var/log/glusterfs/geo-replication/$PVOL" "/var/log/glusterfs/geo-replication-secondaries/${PVOL}_"*
  # debris Gluster leaves in /tmp: gverify's mount points of failed creates (empty), and gsyncd's
  # ssh control directories once no gsyncd runs any more
  rmdir /tmp/gverify.sh.* 2>/dev/null || true
  pgrep -f gsyncd >/dev/null 2>&1 || rm -rf /tmp/gsyncd-aux-ssh-*
  for v in "$PVOL" "$SVOL"; do
    mountpoint -q "$MNT/$v" 2>/dev/null && die "$MNT/$v is still mounted; not removing $LAB"
  done
  rm -rf "$LAB"
  rm -f "$ENV_FILE"
  say "lab is down; $LAB and $ENV_FILE removed"
}

cmd=${1:-}
case "$cmd" in
  up)
    HOST=$(pick_host)
    do_up
    ;;
  status)
    HOST=$(pick_host)
    do_status
    ;;
  down)
    # the events daemon first (it is the lab's too), then everything else
    do_events_down
    do_down
    ;;
  events-up) with_lock do_events_up ;;
  events-down) with_lock do_events_down ;;
  events-reload) with_lock do_events_reload ;;
  *)
    echo "usage: $0 up|status|down|events-up|events-down|events-reload" >&2
    exit 2
    ;;
esac
