"""Events: source-action-target triples from the parse, coded with the CAMEO codebook."""
