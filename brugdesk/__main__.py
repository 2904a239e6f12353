from brugdesk.cli import main

raise SystemExit(main())
