"""JupyterHub for one class on one server: ``hub/.venv/bin/jupyterhub -f hub/jupyterhub_config.py`` (as root).

One Unix account per person (PAM checks their password), each learner's server started as that account by
LocalProcessSpawner from hub/.venv (the course's environment with nbgrader), nbgrader's exchange in one shared
folder. Members of the learners' group may sign in; members of the trainers' group also get nbgrader's
formgrader and their course folder (~/course). Every setting a trainer changes is an environment variable
read below (the README lists them); the rest is fixed here.
"""

import grp
import os
import pwd
import stat
from pathlib import Path

HUB = Path(__file__).resolve().parent
c = get_config()  # noqa: F821 (JupyterHub provides it)


def setting(name: str, default: str) -> str:
    return os.environ.get(f"COURSEKIT_HUB_{name}", default)


LEARNERS = setting("LEARNERS_GROUP", "course-learners")  # Unix group of the learners
TRAINERS = setting("TRAINERS_GROUP", "course-trainers")  # Unix group of the trainers
STATE = Path(setting("STATE_DIR", "/srv/coursekit-hub"))  # the hub's database, cookie secret and pid files
EXCHANGE = Path(setting("EXCHANGE", "/srv/nbgrader/exchange"))  # nbgrader's exchange, shared by every account
COURSE_ID = setting("COURSE_ID", "social-business-in-practice")

# Where people connect (the proxy): a trainer sets the server's address, with HTTPS (see the README).
c.JupyterHub.bind_url = setting("URL", "http://127.0.0.1:8000")
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{setting('HUB_PORT', '8081')}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{setting('PROXY_API_PORT', '8001')}"
c.ConfigurableHTTPProxy.command = [str(HUB / "node_modules" / ".bin" / "configurable-http-proxy")]
if setting("SSL_CERT", ""):
    c.JupyterHub.ssl_cert = setting("SSL_CERT", "")
    c.JupyterHub.ssl_key = setting("SSL_KEY", "")

STATE.mkdir(parents=True, exist_ok=True, mode=0o700)
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")

# Who may sign in: system accounts, by their password (PAM), members of the two groups only. No sign-up.
c.JupyterHub.authenticator_class = "pam"
c.LocalAuthenticator.allowed_groups = {LEARNERS, TRAINERS}
c.LocalAuthenticator.create_system_users = False

# Each person's server: their own account and home, the course's environment, JupyterLab.
VENV_BIN = HUB / ".venv" / "bin"
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [str(VENV_BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90
c.Spawner.environment = {
    "PATH": f"{VENV_BIN}:/usr/local/bin:/usr/bin:/bin",  # nbgrader runs alembic; nbgitpuller runs git
    "COURSEKIT_EXCHANGE": str(EXCHANGE),
    "COURSEKIT_COURSE_ID": COURSE_ID,
}

# nbgrader's exchange: one folder every account can write into, none can delete another's files (sticky bit).
EXCHANGE.mkdir(parents=True, exist_ok=True)
os.chmod(EXCHANGE, 0o1777)


def members(group: str) -> set[str]:
    """The accounts of a Unix group: its listed members and those for whom it is the primary group."""
    try:
        entry = grp.getgrnam(group)
    except KeyError:
        return set()
    return set(entry.gr_mem) | {p.pw_name for p in pwd.getpwall() if p.pw_gid == entry.gr_gid}


def before_start(spawner) -> None:
    """A learner's home is theirs alone (their answers inside it); a trainer gets the formgrader."""
    name = spawner.user.name
    home = Path(pwd.getpwnam(name).pw_dir)
    if home.is_dir() and stat.S_IMODE(home.stat().st_mode) & 0o077:
        os.chmod(home, 0o700)
    role = "trainer" if name in members(TRAINERS) else "learner"
    spawner.environment["JUPYTER_CONFIG_PATH"] = os.pathsep.join([str(HUB / "jupyter" / role), str(HUB / "jupyter")])


c.Spawner.pre_spawn_hook = before_start
