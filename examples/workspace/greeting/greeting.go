// Package greeting is a local module, used through a replace directive.
package greeting

// Hello returns a greeting for name.
func Hello(name string) string { return "Hello, " + name + "!" }
