#include "app.hpp"

int main(int argc, char** argv) { return parplan::cli::run(argc, argv); }
