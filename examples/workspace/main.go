// A tiny program for trying Go Mod Doctor: go.mod requires github.com/google/uuid at "master", a branch name
// where the go command needs a version, so the editor underlines it.
package main

import (
	"fmt"

	"example.com/greeting"
)

func main() {
	fmt.Println(greeting.Hello("gopher"))
}
