module example.com/hello

go 1.22

require (
	example.com/greeting v0.1.0
	github.com/google/uuid master
)

replace example.com/greeting => ./greeting
