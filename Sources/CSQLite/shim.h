// SQLite 3: the batch's on-disk index of inputs, names and the manifest's latest records.
#include <sqlite3.h>
