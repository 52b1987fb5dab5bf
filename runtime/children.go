package runtime

// InterruptChildren tells r that the host received SIGINT: every child
// process its scripts started (asyncio's createSubprocess*, child_process)
// and still running is marked interrupted and, with forward, sent SIGINT.
// Children share the host's process group, so a terminal's Ctrl-C reaches
// them by itself; forward is for a SIGINT that came from elsewhere. An
// interrupted child is left to end by its own SIGINT handling while the
// shutdown cancels the tasks awaiting it, and is killed only
// bindings.InterruptGrace after the run has ended (Close waits for that).
// It returns how many children were marked; it is safe from any goroutine.
func (r *Runtime) InterruptChildren(forward bool) int { return r.env.InterruptChildren(forward) }
