#ifndef LABCTL_CYAML_SHIM_H
#define LABCTL_CYAML_SHIM_H
#include <yaml.h>
#endif
