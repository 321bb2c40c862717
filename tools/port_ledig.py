"""Er porten ledig på 127.0.0.1? `make serve` spørger, før gunicorn starter:

    python -m tools.port_ledig 5000

Exit 0, hvis den er; ellers exit 1 og en besked, der siger, hvordan en anden port vælges
(`make serve PORT=5001`). Gunicorn prøver ellers fem gange i fem sekunder og fejler med sin egen
besked, der ikke nævner PORT=.
"""

import errno
import socket
import sys

VAERT = "127.0.0.1"


def fejl(port):
    """Beskeden, eller None hvis porten kan bruges."""
    try:
        nummer = int(port)
    except ValueError:
        return f"make serve: PORT={port!r} er ikke et portnummer; fx make serve PORT=5001"
    if not 1 <= nummer <= 65535:
        return f"make serve: PORT={nummer} er ikke mellem 1 og 65535; fx make serve PORT=5001"
    with socket.socket() as s:
        # Som gunicorn: SO_REUSEADDR, så en port i TIME_WAIT ikke tæller som optaget.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((VAERT, nummer))
        except OSError as undtagelse:
            naeste = nummer + 1 if nummer < 65535 else nummer - 1
            if undtagelse.errno == errno.EADDRINUSE:
                return (f"make serve: port {nummer} på {VAERT} er optaget (kører serveren allerede?); "
                        f"vælg en anden port med PORT=, fx make serve PORT={naeste}")
            return f"make serve: port {nummer} på {VAERT} kan ikke bruges ({undtagelse.strerror}); vælg en anden med PORT=, fx make serve PORT={naeste}"
    return None


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    besked = fejl(argv[0] if argv else "")
    if besked:
        print(besked, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
