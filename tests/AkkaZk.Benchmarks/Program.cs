using BenchmarkDotNet.Running;

// Socket-free micro-benchmarks of the codec, tree apply, snapshots and the journal batch path.
//   dotnet run -c Release --project tests/AkkaZk.Benchmarks -- --filter '*'
//   add `--job short` for a quick pass (3 iterations), as bench/README.md's figures were taken.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
