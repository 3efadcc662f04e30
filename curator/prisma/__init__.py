"""PRISMA 2020: the flow's counts computed from the records' state, their arithmetic checks, the diagram."""
