/** A mistake in how the tool was called (a path that matches nothing, a bad project root): exit code 2, no findings. */
export class UsageError extends Error {}
