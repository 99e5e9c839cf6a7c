// The local runner: executes a PipelineSpec on this machine.
