package main

import (
	"fmt"
	"io"
	"log"
	"os"
)

// leveledLogger implements backend.Logger, dropping messages below the chosen level (the module's default
// logger prints everything, DEBUG included, which buries a test log).
type leveledLogger struct {
	debug, info, warn, error *log.Logger
}

func newLogger(level string) (*leveledLogger, error) {
	rank := map[string]int{"debug": 0, "info": 1, "warn": 2, "error": 3}
	min, ok := rank[level]
	if !ok {
		return nil, fmt.Errorf("unknown -log-level %q: use debug, info, warn or error", level)
	}
	at := func(r int, prefix string) *log.Logger {
		if r < min {
			return log.New(io.Discard, "", 0)
		}
		return log.New(os.Stderr, prefix, log.LstdFlags|log.Lmicroseconds)
	}
	return &leveledLogger{at(0, "DEBUG: "), at(1, "INFO: "), at(2, "WARN: "), at(3, "ERROR: ")}, nil
}

func (l *leveledLogger) Debug(v ...any)                 { l.debug.Print(v...) }
func (l *leveledLogger) Debugf(format string, v ...any) { l.debug.Printf(format, v...) }
func (l *leveledLogger) Info(v ...any)                  { l.info.Print(v...) }
func (l *leveledLogger) Infof(format string, v ...any)  { l.info.Printf(format, v...) }
func (l *leveledLogger) Warn(v ...any)                  { l.warn.Print(v...) }
func (l *leveledLogger) Warnf(format string, v ...any)  { l.warn.Printf(format, v...) }
func (l *leveledLogger) Error(v ...any)                 { l.error.Print(v...) }
func (l *leveledLogger) Errorf(format string, v ...any) { l.error.Printf(format, v...) }
