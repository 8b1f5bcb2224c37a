// Command pstest serves the in-memory Pub/Sub fake of cloud.google.com/go/pubsub/pstest (pinned in go.mod) over
// plaintext gRPC until it is killed. The Skystate test harness (io.skystate.emulators.PubSubEmulator) starts it.
package main

import (
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"

	"cloud.google.com/go/pubsub/pstest"
)

func main() {
	host := flag.String("host", "127.0.0.1", "address to bind")
	port := flag.Int("port", 8085, "gRPC port")
	flag.Parse()

	// NewServerWithPort binds "localhost:PORT"; NewServerWithAddress is the same server on an explicit address.
	srv := pstest.NewServerWithAddress(net.JoinHostPort(*host, fmt.Sprint(*port)))
	fmt.Printf("pstest listening at %s\n", srv.Addr)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	<-stop
	srv.Close()
}
