// Server processes measure failover times; running clusters side by side on two cores would skew them.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
