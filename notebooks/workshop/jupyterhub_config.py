# JupyterHub for a Footprint workshop on one server.
#
#   jupyterhub -f notebooks/workshop/jupyterhub_config.py
#
# Needs Debian's jupyterhub and node-configurable-http-proxy, and the kernel installed for every
# user: `./footprint install --sys-prefix` (or `--prefix /usr/local`), see README.md here.
# Participants log in with their accounts on this machine (JupyterHub's default PAM login).
# Each gets a notebook server of their own, started as their own user, with a copy of the
# exercises in ~/workshop at first login, and a capped heap for the JVM that runs their cells.
import os

c = get_config()  # noqa: F821 (JupyterHub provides it)

# The exercises every participant gets a copy of (this folder's notebooks by default).
WORKSHOP_FOLDER = os.environ.get("FOOTPRINT_WORKSHOP_FOLDER", os.path.dirname(os.path.abspath(__file__)))
HANDOUTS = ["exercises.ipynb"]

# The heap each participant's cells may use (their user JVM's -Xmx). Besides it, a participant's
# notebook server, kernel JVM and the user JVM's own memory take about 350 MB.
HEAP_PER_PARTICIPANT = "512m"

c.JupyterHub.bind_url = "http://:8000"

# At every server start, copy each handout the participant does not have yet into ~/workshop
# (their own edits are never overwritten), then start the single-user server. This runs as the
# participant, so the copies are theirs.
_COPY_THEN_START = (
    'mkdir -p "$HOME/workshop" && '
    'for f in $FOOTPRINT_WORKSHOP_HANDOUTS; do '
    '[ -e "$HOME/workshop/$f" ] || cp "$FOOTPRINT_WORKSHOP_FOLDER/$f" "$HOME/workshop/$f" || exit 1; '
    'done; exec "$@"'
)
c.Spawner.cmd = ["/bin/sh", "-c", _COPY_THEN_START, "footprint-workshop", "jupyterhub-singleuser"]
c.Spawner.notebook_dir = "~"
c.Spawner.default_url = "/tree/workshop"
c.Spawner.environment = {
    "FOOTPRINT_WORKSHOP_FOLDER": WORKSHOP_FOLDER,
    "FOOTPRINT_WORKSHOP_HANDOUTS": " ".join(HANDOUTS),
    # Read by the kernel after the kernelspec's options, so this cap wins over the install's.
    # After a full collection the heap gives back what is more than 30 % free, instead of the
    # JVM's 70 %, so a participant's JVM keeps less memory resident (figures in README.md).
    "FOOTPRINT_SERVER_JVM_OPTS": f"-Xmx{HEAP_PER_PARTICIPANT} -XX:+UseSerialGC -XX:MaxHeapFreeRatio=30 -XX:MinHeapFreeRatio=10",
}

# Many kernels starting at once on a small server take longer than JupyterHub's defaults allow.
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
