from vnterms.cli import main

main()
