// Figures the in-host tests observe (e.g. the activation time) that the runner reports next to the results.
export const facts: Record<string, unknown> = {};
