"""``python -m aseankg`` runs the command-line tool."""

from aseankg.cli import main

main()
