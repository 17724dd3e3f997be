from stratege.cli.app import main

main()
