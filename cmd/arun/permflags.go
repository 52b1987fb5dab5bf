package main

import "github.com/arun-js/arun/runtime"

// permissionFlag applies one of --sandbox, --allow-read[=PATHS],
// --allow-write[=PATHS], --allow-net[=HOSTS], --allow-env, --allow-all to
// perms (nil until the first such flag: everything is allowed then) and
// returns the result. `arun test` takes them this way.
func permissionFlag(perms *runtime.Permissions, name, val string, hasVal bool) *runtime.Permissions {
	if perms == nil {
		perms = &runtime.Permissions{}
	}
	switch name {
	case "--allow-read":
		if hasVal {
			perms.Read = append(perms.Read, splitList(val)...)
		} else {
			perms.ReadAll = true
		}
	case "--allow-write":
		if hasVal {
			perms.Write = append(perms.Write, splitList(val)...)
		} else {
			perms.WriteAll = true
		}
	case "--allow-net":
		if hasVal {
			perms.Net = append(perms.Net, splitList(val)...)
		} else {
			perms.NetAll = true
		}
	case "--allow-env":
		perms.EnvAll = true
	case "--allow-all":
		perms = runtime.AllowAll()
	}
	return perms
}
