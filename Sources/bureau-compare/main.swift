import CompareCLI

// The whole command layer lives in CompareCLI so it can be tested; this only runs it.
BureauCompare.main()
