#include "core/comm/mpi_communicator.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace spv {

namespace {

// Whether this process's MPI was initialised by us (then the last communicator finalises it), not by a host program.
bool we_initialized = false;
int live_communicators = 0;  // MPI is finalised when the last one goes, so several may live in turn (tests do)

void ensure_initialized(int* argc, char*** argv) {
  int initialized = 0;
  MPI_Initialized(&initialized);
  if (initialized) return;
  MPI_Init(argc, argv);
  we_initialized = true;
  // Errors come back as codes that we turn into exceptions, instead of MPI's default of aborting every process.
  MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
}

void check(int code, const char* what) {
  if (code == MPI_SUCCESS) return;
  char text[MPI_MAX_ERROR_STRING];
  int length = 0;
  MPI_Error_string(code, text, &length);
  throw std::runtime_error(std::string("MPI ") + what + " failed: " + std::string(text, std::size_t(length)));
}

// A half-open rectangle of global (x, y) positions.
struct Rect {
  int x0, x1, y0, y1;
  bool empty() const { return x0 >= x1 || y0 >= y1; }
  Rect operator&(const Rect& o) const {
    return {std::max(x0, o.x0), std::min(x1, o.x1), std::max(y0, o.y0), std::min(y1, o.y1)};
  }
  std::size_t area() const { return empty() ? 0 : std::size_t(x1 - x0) * std::size_t(y1 - y0); }
};

Rect interior(const LayerGeometry& g, int row, int column) {
  return {column * g.nx, (column + 1) * g.nx, row * g.ny, (row + 1) * g.ny};
}

// A tile's extended rectangle, clipped to the layer: halo cells beyond the global edge belong to the boundary fill.
Rect extended_in_layer(const LayerGeometry& g, int row, int column) {
  Rect r = interior(g, row, column);
  Rect e{r.x0 - g.halo.lt, r.x1 + g.halo.rt, r.y0 - g.halo.dn, r.y1 + g.halo.up};
  return e & Rect{0, g.nx_global, 0, g.ny_global};
}

// Copies `r` (global positions) between packed [batch][y][x][f] and this tile's extended buffer.
template <bool Pack>
void copy_rect(const LayerGeometry& g, const Rect& r, float* extended, float* packed) {
  const std::size_t run = std::size_t(r.x1 - r.x0) * std::size_t(g.nf);
  for (int b = 0; b < g.nbatch; ++b) {
    float* a = extended + std::size_t(b) * g.neurons_ext();
    for (int y = r.y0; y < r.y1; ++y, packed += run) {
      float* cell = a + g.ext_index(r.x0 - g.kx0, y - g.ky0, 0);
      if (Pack) std::memcpy(packed, cell, run * sizeof(float));
      else std::memcpy(cell, packed, run * sizeof(float));
    }
  }
}

}  // namespace

int MpiCommunicator::world_size(int* argc, char*** argv) {
  ensure_initialized(argc, argv);
  int size = 1;
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  return size;
}

MpiCommunicator::MpiCommunicator(int* argc, char*** argv, int rows, int columns, int batch_width, int blocks) {
  ensure_initialized(argc, argv);
  int world_rank = 0, world_size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &world_rank);
  MPI_Comm_size(MPI_COMM_WORLD, &world_size);
  decomposition_.rows = rows;
  decomposition_.columns = columns;
  decomposition_.batch_width = batch_width;
  if (blocks < 1 || decomposition_.size() * blocks != world_size)
    throw std::logic_error("MpiCommunicator: the decomposition does not match the number of processes");
  block_count_ = blocks;
  block_ = world_rank / decomposition_.size();
  decomposition_.rank = world_rank % decomposition_.size();
  if (blocks == 1) {
    comm_ = MPI_COMM_WORLD;
  } else {
    // Consecutive world ranks form a block, so that world_rank() is block * size + rank.
    check(MPI_Comm_split(MPI_COMM_WORLD, block_, world_rank, &comm_), "block split");
    MPI_Comm_set_errhandler(comm_, MPI_ERRORS_RETURN);
  }
  // The node's ranks of every block: they share its cores and GPUs.
  check(MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, world_rank, MPI_INFO_NULL, &node_), "node split");
  MPI_Comm_rank(node_, &node_peers_.index);
  MPI_Comm_size(node_, &node_peers_.count);
  ++live_communicators;
}

MpiCommunicator::~MpiCommunicator() {
  int finalized = 0;
  MPI_Finalized(&finalized);
  if (node_ != MPI_COMM_NULL && !finalized) MPI_Comm_free(&node_);
  if (comm_ != MPI_COMM_WORLD && comm_ != MPI_COMM_NULL && !finalized) MPI_Comm_free(&comm_);
  if (--live_communicators > 0 || !we_initialized) return;
  if (!finalized) MPI_Finalize();
}

void MpiCommunicator::exchange_halo(const LayerGeometry& g, float* extended) {
  if (g.halo == Halo{}) return;
  const Decomposition& d = decomposition_;
  if (d.rows * d.columns == 1) return;
  // Every tile has the same size and halo, so each rank computes what it owes every other tile of its batch group,
  // and what it is owed, without asking: the overlap of one tile's interior with the other's extended rectangle.
  // This covers corners and halos wider than a tile alike.
  const Rect mine = interior(g, d.row(), d.column()), mine_ext = extended_in_layer(g, d.row(), d.column());
  struct Transfer {
    int peer;
    Rect to_send, to_receive;
    std::size_t send_at, receive_at;
  };
  std::vector<Transfer> transfers;
  std::size_t send_total = 0, receive_total = 0;
  const std::size_t per_cell = std::size_t(g.nf) * std::size_t(g.nbatch);
  const int group0 = d.batch_index() * d.rows * d.columns;
  for (int r = 0; r < d.rows; ++r)
    for (int c = 0; c < d.columns; ++c) {
      const int peer = group0 + r * d.columns + c;
      if (peer == d.rank) continue;
      Transfer t{peer, mine & extended_in_layer(g, r, c), mine_ext & interior(g, r, c), send_total, receive_total};
      if (t.to_send.empty() && t.to_receive.empty()) continue;
      send_total += t.to_send.area() * per_cell;
      receive_total += t.to_receive.area() * per_cell;
      transfers.push_back(t);
    }
  send_.resize(send_total);
  recv_.resize(receive_total);
  std::vector<MPI_Request> requests;
  requests.reserve(2 * transfers.size());
  for (const Transfer& t : transfers) {
    if (t.to_receive.empty()) continue;
    requests.emplace_back();
    check(MPI_Irecv(recv_.data() + t.receive_at, int(t.to_receive.area() * per_cell), MPI_FLOAT, t.peer, 0, comm_,
                    &requests.back()),
          "halo receive");
  }
  for (const Transfer& t : transfers) {
    if (t.to_send.empty()) continue;
    copy_rect<true>(g, t.to_send, extended, send_.data() + t.send_at);
    requests.emplace_back();
    check(MPI_Isend(send_.data() + t.send_at, int(t.to_send.area() * per_cell), MPI_FLOAT, t.peer, 0, comm_,
                    &requests.back()),
          "halo send");
  }
  check(MPI_Waitall(int(requests.size()), requests.data(), MPI_STATUSES_IGNORE), "halo exchange");
  for (const Transfer& t : transfers)
    if (!t.to_receive.empty()) copy_rect<false>(g, t.to_receive, extended, recv_.data() + t.receive_at);
}

void MpiCommunicator::ordered_sum(std::vector<double>& values) {
  // A length mismatch would silently mix unrelated values: compare first.
  long lengths[2] = {long(values.size()), -long(values.size())};
  check(MPI_Allreduce(MPI_IN_PLACE, lengths, 2, MPI_LONG, MPI_MAX, comm_), "ordered_sum length check");
  if (lengths[0] != -lengths[1]) throw std::logic_error("ordered_sum: ranks passed vectors of different lengths");
  // Gathered to the root and added there in rank order (not MPI_Allreduce, whose order MPI does not fix).
  const int n = int(values.size());
  std::vector<double> all(is_root() ? values.size() * std::size_t(size()) : 0);
  check(MPI_Gather(values.data(), n, MPI_DOUBLE, all.data(), n, MPI_DOUBLE, 0, comm_), "ordered_sum gather");
  if (is_root())
    for (int r = 1; r < size(); ++r)
      for (std::size_t i = 0; i < values.size(); ++i) values[i] += all[std::size_t(r) * values.size() + i];
  check(MPI_Bcast(values.data(), n, MPI_DOUBLE, 0, comm_), "ordered_sum broadcast");
}

void MpiCommunicator::gather_layer(const LayerGeometry& g, const float* local, std::vector<float>& global) {
  const std::size_t tile = g.neurons();
  std::vector<float> all(is_root() ? tile * std::size_t(size()) : 0);
  check(MPI_Gather(local, int(tile), MPI_FLOAT, all.data(), int(tile), MPI_FLOAT, 0, comm_), "gather_layer");
  if (!is_root()) return;
  global.assign(g.global_neurons(), 0.0f);
  const Decomposition& d = decomposition_;
  const std::size_t run = std::size_t(g.nx) * std::size_t(g.nf);
  for (int r = 0; r < d.rows * d.columns; ++r) {  // batch group 0: the root's own
    const int row = r / d.columns, column = r % d.columns;
    for (int y = 0; y < g.ny; ++y)
      std::memcpy(global.data() + (std::size_t(row * g.ny + y) * g.nx_global + std::size_t(column) * g.nx) * g.nf,
                  all.data() + std::size_t(r) * tile + std::size_t(y) * run, run * sizeof(float));
  }
}

void MpiCommunicator::gather_batch(const LayerGeometry& g, const float* local, std::vector<float>& global) {
  const std::size_t tile = g.neurons(), block = tile * std::size_t(g.nbatch);
  std::vector<float> all(is_root() ? block * std::size_t(size()) : 0);
  check(MPI_Gather(local, int(block), MPI_FLOAT, all.data(), int(block), MPI_FLOAT, 0, comm_), "gather_batch");
  if (!is_root()) return;
  global.assign(g.global_neurons() * std::size_t(g.nbatch_global), 0.0f);
  const std::size_t run = std::size_t(g.nx) * std::size_t(g.nf);
  for (int r = 0; r < size(); ++r) {
    Decomposition d = decomposition_;
    d.rank = r;
    for (int b = 0; b < g.nbatch; ++b) {
      const std::size_t gb = std::size_t(d.batch_index()) * std::size_t(g.nbatch) + std::size_t(b);
      const float* src = all.data() + std::size_t(r) * block + std::size_t(b) * tile;
      float* dst = global.data() + gb * g.global_neurons();
      for (int y = 0; y < g.ny; ++y)
        std::memcpy(dst + (std::size_t(d.row() * g.ny + y) * g.nx_global + std::size_t(d.column()) * g.nx) * g.nf,
                    src + std::size_t(y) * run, run * sizeof(float));
    }
  }
}

void MpiCommunicator::gather_floats(const std::vector<float>& local, std::vector<std::vector<float>>& all) {
  // Lengths first, so that ranks may send different amounts (Gatherv needs them on the root).
  int n = int(local.size());
  std::vector<int> counts(is_root() ? std::size_t(size()) : 0), offsets;
  check(MPI_Gather(&n, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, comm_), "gather_floats lengths");
  std::vector<float> joined;
  if (is_root()) {
    offsets.assign(counts.size(), 0);
    long total = 0;
    for (std::size_t r = 0; r < counts.size(); ++r) {
      offsets[r] = int(total);
      total += counts[r];
    }
    if (total > long(std::numeric_limits<int>::max()))
      throw std::length_error("gather_floats: more than 2^31 floats in one gather");
    joined.resize(std::size_t(total));
  }
  check(MPI_Gatherv(local.data(), n, MPI_FLOAT, joined.data(), counts.data(), offsets.data(), MPI_FLOAT, 0, comm_),
        "gather_floats");
  if (!is_root()) return;
  all.assign(counts.size(), {});
  for (std::size_t r = 0; r < counts.size(); ++r)
    all[r].assign(joined.begin() + offsets[r], joined.begin() + offsets[r] + counts[r]);
}

void MpiCommunicator::scatter_layer(const LayerGeometry& g, const float* global, float* local) {
  const Decomposition& d = decomposition_;
  const std::size_t tile = g.neurons(), block = tile * std::size_t(g.nbatch);
  const int root = d.batch_root(), tiles = d.rows * d.columns;
  constexpr int tag = 1;  // apart from the halo exchange's messages
  if (d.rank != root) {
    check(MPI_Recv(local, int(block), MPI_FLOAT, root, tag, comm_, MPI_STATUS_IGNORE), "scatter_layer receive");
    return;
  }
  // The root packs every tile of its slice, its own straight into `local`, and sends the others theirs.
  scatter_.resize(block * std::size_t(tiles));
  const std::size_t run = std::size_t(g.nx) * std::size_t(g.nf);
  std::vector<MPI_Request> requests;
  requests.reserve(std::size_t(tiles));
  for (int t = 0; t < tiles; ++t) {
    const int row = t / d.columns, column = t % d.columns;
    float* packed = t == 0 ? local : scatter_.data() + std::size_t(t) * block;
    for (int b = 0; b < g.nbatch; ++b)
      for (int y = 0; y < g.ny; ++y)
        std::memcpy(packed + std::size_t(b) * tile + std::size_t(y) * run,
                    global + std::size_t(b) * g.global_neurons() +
                        (std::size_t(row * g.ny + y) * g.nx_global + std::size_t(column) * g.nx) * g.nf,
                    run * sizeof(float));
    if (t == 0) continue;
    requests.emplace_back();
    check(MPI_Isend(packed, int(block), MPI_FLOAT, root + t, tag, comm_, &requests.back()), "scatter_layer send");
  }
  check(MPI_Waitall(int(requests.size()), requests.data(), MPI_STATUSES_IGNORE), "scatter_layer");
}

void MpiCommunicator::scatter_windows(const LayerGeometry& g, const Halo& margin, const float* global, float* local) {
  const Decomposition& d = decomposition_;
  const int width = g.nx + margin.lt + margin.rt, height = g.ny + margin.dn + margin.up;
  const int canvas_width = g.nx_global + margin.lt + margin.rt;
  const std::size_t canvas = std::size_t(canvas_width) * (g.ny_global + margin.dn + margin.up) * g.nf;
  const std::size_t window = std::size_t(width) * height * g.nf, block = window * std::size_t(g.nbatch);
  const int root = d.batch_root(), tiles = d.rows * d.columns;
  constexpr int tag = 2;  // apart from the halo exchange's and scatter_layer's messages
  if (d.rank != root) {
    check(MPI_Recv(local, int(block), MPI_FLOAT, root, tag, comm_, MPI_STATUS_IGNORE), "scatter_windows receive");
    return;
  }
  // As scatter_layer: the root packs every tile's window, its own straight into `local`, and sends the others theirs.
  scatter_.resize(block * std::size_t(tiles));
  const std::size_t run = std::size_t(width) * std::size_t(g.nf);
  std::vector<MPI_Request> requests;
  requests.reserve(std::size_t(tiles));
  for (int t = 0; t < tiles; ++t) {
    const int row = t / d.columns, column = t % d.columns;
    float* packed = t == 0 ? local : scatter_.data() + std::size_t(t) * block;
    for (int b = 0; b < g.nbatch; ++b)
      for (int y = 0; y < height; ++y)
        std::memcpy(packed + std::size_t(b) * window + std::size_t(y) * run,
                    global + std::size_t(b) * canvas +
                        (std::size_t(row * g.ny + y) * canvas_width + std::size_t(column) * g.nx) * g.nf,
                    run * sizeof(float));
    if (t == 0) continue;
    requests.emplace_back();
    check(MPI_Isend(packed, int(block), MPI_FLOAT, root + t, tag, comm_, &requests.back()), "scatter_windows send");
  }
  check(MPI_Waitall(int(requests.size()), requests.data(), MPI_STATUSES_IGNORE), "scatter_windows");
}

void MpiCommunicator::sum_integers(std::vector<std::int64_t>& values) {
  long lengths[2] = {long(values.size()), -long(values.size())};
  check(MPI_Allreduce(MPI_IN_PLACE, lengths, 2, MPI_LONG, MPI_MAX, comm_), "sum_integers length check");
  if (lengths[0] != -lengths[1]) throw std::logic_error("sum_integers: ranks passed vectors of different lengths");
  // Integer sums are exact, so MPI's choice of order cannot change them.
  if (!values.empty())
    check(MPI_Allreduce(MPI_IN_PLACE, values.data(), int(values.size()), MPI_INT64_T, MPI_SUM, comm_), "sum_integers");
}

double MpiCommunicator::maximum(double local) {
  if (!std::isfinite(local)) local = std::numeric_limits<double>::infinity();
  check(MPI_Allreduce(MPI_IN_PLACE, &local, 1, MPI_DOUBLE, MPI_MAX, comm_), "maximum");
  return local;
}

void MpiCommunicator::broadcast(std::string& text) {
  unsigned long length = text.size();
  check(MPI_Bcast(&length, 1, MPI_UNSIGNED_LONG, 0, comm_), "broadcast length");
  text.resize(length);
  check(MPI_Bcast(text.data(), int(length), MPI_CHAR, 0, comm_), "broadcast");
}

bool MpiCommunicator::all_agree(bool ok, std::string& message) {
  // The lowest failing rank speaks for all, so every rank reports the same message.
  int first_failure = ok ? size() : rank();
  check(MPI_Allreduce(MPI_IN_PLACE, &first_failure, 1, MPI_INT, MPI_MIN, comm_), "all_agree");
  if (first_failure == size()) return true;
  unsigned long length = message.size();
  check(MPI_Bcast(&length, 1, MPI_UNSIGNED_LONG, first_failure, comm_), "all_agree length");
  message.resize(length);
  check(MPI_Bcast(message.data(), int(length), MPI_CHAR, first_failure, comm_), "all_agree message");
  return false;
}

namespace {

// Every rank of `comm` gets each rank's text (all = true), or only rank 0 does; in rank order.
std::vector<std::string> gather_texts(MPI_Comm comm, const std::string& mine, bool all) {
  int size = 1, rank = 0;
  MPI_Comm_size(comm, &size);
  MPI_Comm_rank(comm, &rank);
  int length = int(mine.size());
  std::vector<int> lengths(std::size_t(size), 0), offsets(std::size_t(size), 0);
  if (all) check(MPI_Allgather(&length, 1, MPI_INT, lengths.data(), 1, MPI_INT, comm), "text lengths");
  else check(MPI_Gather(&length, 1, MPI_INT, lengths.data(), 1, MPI_INT, 0, comm), "text lengths");
  const bool receives = all || rank == 0;
  int total = 0;
  for (int r = 0; r < size; ++r) offsets[std::size_t(r)] = total, total += lengths[std::size_t(r)];
  std::string joined(receives ? std::size_t(total) : 0, '\0');
  if (all)
    check(MPI_Allgatherv(mine.data(), length, MPI_CHAR, joined.data(), lengths.data(), offsets.data(), MPI_CHAR,
                         comm), "texts");
  else
    check(MPI_Gatherv(mine.data(), length, MPI_CHAR, joined.data(), lengths.data(), offsets.data(), MPI_CHAR, 0,
                      comm), "texts");
  std::vector<std::string> texts;
  if (!receives) return texts;
  for (int r = 0; r < size; ++r)
    texts.push_back(joined.substr(std::size_t(offsets[std::size_t(r)]), std::size_t(lengths[std::size_t(r)])));
  return texts;
}

}  // namespace

std::vector<std::string> MpiCommunicator::node_allgather(const std::string& mine) {
  return gather_texts(node_, mine, true);
}

std::vector<std::string> MpiCommunicator::gather_strings(const std::string& mine) {
  return gather_texts(MPI_COMM_WORLD, mine, false);
}

void MpiCommunicator::wait_for_every_block() { check(MPI_Barrier(MPI_COMM_WORLD), "barrier"); }

void MpiCommunicator::abort_all(int status) noexcept { MPI_Abort(MPI_COMM_WORLD, status); }

}  // namespace spv
