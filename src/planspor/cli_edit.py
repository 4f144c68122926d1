"""Commands that edit data/plan.yaml (ny-indsats, status, flyt, import)."""
