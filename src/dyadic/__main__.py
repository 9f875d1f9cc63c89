from dyadic.cli import main

raise SystemExit(main())
