// Command durabletask-sidecar is the Durable Task gRPC sidecar of github.com/microsoft/durabletask-go (pinned in
// go.mod) on its SQLite backend, with the knobs the module's own main lacks: lock timeouts, work-item
// parallelism and a log level. The Skystate test harness (io.skystate.emulators.DurableTaskSidecar) starts it.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"time"

	"github.com/microsoft/durabletask-go/backend"
	"github.com/microsoft/durabletask-go/backend/sqlite"
	"google.golang.org/grpc"
)

func main() {
	host := flag.String("host", "127.0.0.1", "address to bind")
	port := flag.Int("port", 4001, "gRPC port")
	db := flag.String("db", "", "SQLite file (created if missing); empty keeps everything in memory")
	orchLock := flag.Duration("orchestration-lock-timeout", 2*time.Minute,
		"how long a dispatched orchestration (and, in v0.6.0's SQLite backend, activity) stays locked; "+
			"after a sidecar crash its work is retried once this expires")
	actLock := flag.Duration("activity-lock-timeout", 2*time.Minute,
		"SqliteOptions.ActivityLockTimeout; v0.6.0's SQLite backend never reads it (activity locks use the orchestration timeout)")
	maxOrch := flag.Int("max-orchestrations", 1, "orchestration work items processed in parallel")
	maxAct := flag.Int("max-activities", 1, "activity work items processed in parallel")
	level := flag.String("log-level", "warn", "debug, info, warn or error")
	flag.Parse()

	logger, err := newLogger(*level)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	opts := sqlite.NewSqliteOptions(*db)
	opts.OrchestrationLockTimeout = *orchLock
	opts.ActivityLockTimeout = *actLock
	be := sqlite.NewSqliteBackend(opts, logger)

	// The same wiring as the module's main.go, with the parallelism options passed to each worker.
	server := grpc.NewServer()
	executor, register := backend.NewGrpcExecutor(be, logger)
	register(server)
	orchestrations := backend.NewOrchestrationWorker(be, executor, logger, backend.WithMaxParallelism(int32(*maxOrch)))
	activities := backend.NewActivityTaskWorker(be, executor, logger, backend.WithMaxParallelism(int32(*maxAct)))
	if err := backend.NewTaskHubWorker(be, orchestrations, activities, logger).Start(context.Background()); err != nil {
		log.Fatalf("failed to start the task hub worker: %v", err)
	}

	lis, err := net.Listen("tcp", net.JoinHostPort(*host, fmt.Sprint(*port)))
	if err != nil {
		log.Fatalf("failed to listen: %v", err)
	}
	fmt.Printf("durabletask-sidecar listening at %v\n", lis.Addr())
	if err := server.Serve(lis); err != nil {
		log.Fatalf("failed to serve: %v", err)
	}
}
