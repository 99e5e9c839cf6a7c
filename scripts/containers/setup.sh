#!/usr/bin/env bash
# Prepares podman for the container tests on a fresh machine, changing nothing global:
#   scripts/containers/setup.sh [CACHE_DIR]
# - installs podman, buildah, skopeo, runc, debootstrap and docker-registry when missing (needs
#   root and apt-get; otherwise prints a notice and exits 3, and the container tests are skipped);
# - writes a private configuration (runc, explicit ulimits, host network, cgroupfs) and storage
#   under CACHE_DIR (default: ${XDG_CACHE_HOME:-~/.cache}/swift-kfp-tests/containers);
# - builds the test images once, keyed by their recipe, and keeps them there between runs:
#   a Debian bookworm base with Python from Debian's archive (debootstrap), then an image with
#   kfp 2.17.3 and pandas installed, which is also given the image names the corpus uses
#   (python:3.11, python:3.7, alpine, ...), and images holding the programs some corpus
#   pipelines call (corpus-programs/: my_program in registry.access.redhat.com/ubi9/python-311,
#   run.sh in gcr.io/my-image, a built Python component in kfp-image).
# Prints, on stdout, the `export` lines that point podman at that configuration (CONTAINERS_CONF,
# CONTAINERS_STORAGE_CONF, CONTAINERS_REGISTRIES_CONF) for the caller to `eval`.
# Measured on a 2-core machine: about 3 min cold (debootstrap 90 s, pip 60 s), 1 s warm.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${1:-${XDG_CACHE_HOME:-$HOME/.cache}/swift-kfp-tests/containers}"
log() { echo "containers: $*" >&2; }

need=()
for program in podman buildah skopeo runc debootstrap docker-registry; do
    command -v "$program" >/dev/null || need+=("$program")
done
if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        log "notice: ${need[*]} missing and cannot be installed here (needs root and apt-get); container tests are skipped"
        exit 3
    fi
    log "installing podman buildah skopeo runc debootstrap docker-registry..."
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        podman buildah skopeo runc debootstrap docker-registry uidmap >&2
fi

mkdir -p "$cache/conf" "$cache/storage" "$cache/run" "$cache/base"
# The hard limit of open files, as podman's default (unlimited) cannot be set here.
nofile="$(ulimit -Hn)"
[ "$nofile" = unlimited ] && nofile=1048576
cat >"$cache/conf/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=32768:32768"]
netns = "host"
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
cat >"$cache/conf/storage.conf" <<EOF
[storage]
driver = "overlay"
graphroot = "$cache/storage"
runroot = "$cache/run"
EOF
cat >"$cache/conf/registries.conf" <<EOF
unqualified-search-registries = []
[[registry]]
location = "127.0.0.1:5000"
insecure = true
EOF
export CONTAINERS_CONF="$cache/conf/containers.conf"
export CONTAINERS_STORAGE_CONF="$cache/conf/storage.conf"
export CONTAINERS_REGISTRIES_CONF="$cache/conf/registries.conf"

# The base: Debian bookworm with Python, from the archive apt uses here.
mirror="$( (cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null || true) \
    | grep -oE 'https?://[^ ]*/debian/?( |$)' | head -n1 | tr -d ' ' || true)"
mirror="${mirror:-http://deb.debian.org/debian}"
packages="python3,python3-pip,python3-venv,ca-certificates,curl,jq"
base_key="$(printf 'bookworm minbase %s v1' "$packages" | sha256sum | cut -c1-12)"
base_image="localhost/kfp-test/debian-python:$base_key"
if ! podman image exists "$base_image"; then
    tarball="$cache/base/debian-python-$base_key.tar"
    if [ ! -f "$tarball" ]; then
        log "debootstrap bookworm with $packages from $mirror (about 90 s)..."
        rootfs="$(mktemp -d "$cache/base/rootfs.XXXXXX")"
        trap 'rm -rf "$rootfs"' EXIT
        debootstrap --variant=minbase --include="$packages" bookworm "$rootfs" "$mirror" >"$cache/base/debootstrap.log" 2>&1 \
            || { tail -n 5 "$cache/base/debootstrap.log" >&2; exit 1; }
        rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
        tar -C "$rootfs" -cf "$tarball.partial" . && mv "$tarball.partial" "$tarball"
        rm -rf "$rootfs"
        trap - EXIT
    fi
    log "importing $base_image..."
    podman import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'CMD ["/bin/sh"]' "$tarball" "$base_image" >/dev/null
fi

# The Python image the corpus names: kfp and pandas installed, pip usable as in python:3.x images.
# It trusts the certificate authorities this host trusts (a network may pass HTTPS through a
# proxy of its own), so pip inside builds and inside tasks reaches PyPI as the host's pip does.
recipe="$here/python-kfp.Containerfile"
host_ca=/etc/ssl/certs/ca-certificates.crt
kfp_key="$( (echo "$base_key"; cat "$recipe" "$host_ca" 2>/dev/null) | sha256sum | cut -c1-12)"
kfp_image="localhost/kfp-test/python-kfp:$kfp_key"
if ! podman image exists "$kfp_image"; then
    log "building $kfp_image (pip install kfp==2.17.3 pandas, about 60 s)..."
    context="$(mktemp -d)"
    cp "$recipe" "$context/Containerfile"
    if [ -f "$host_ca" ]; then cp "$host_ca" "$context/host-ca.crt"; else : >"$context/host-ca.crt"; fi
    buildah bud --isolation=chroot --network=host --build-arg "BASE=$base_image" -f "$context/Containerfile" \
        -t "$kfp_image" "$context" >&2 || { rm -rf "$context"; exit 1; }
    rm -rf "$context"
fi
for name in python:3.11 python:3.12 python:3.7 python:alpine3.9 public.ecr.aws/docker/library/python:3.12 \
    alpine alpine:latest library/bash curlimages/curl:8.11.1 jetbrainsinfra/jq; do
    podman tag "$kfp_image" "$name"
done

# The corpus's images that hold their own programs (my_program, run.sh, a built Python component).
programs="$here/corpus-programs"
programs_key="$( (echo "$kfp_key"; cat "$programs/Containerfile" "$programs/my_program" "$programs/run.sh" \
    "$programs"/kfp-image/*) | sha256sum | cut -c1-12)"
for target in programs my-image kfp-image nonroot; do
    image="localhost/kfp-test/$target:$programs_key"
    if ! podman image exists "$image"; then
        log "building $image..."
        buildah bud --isolation=chroot --network=host --build-arg "BASE=$kfp_image" --target "$target" \
            -f "$programs/Containerfile" -t "$image" "$programs" >&2
    fi
done
podman tag "localhost/kfp-test/programs:$programs_key" registry.access.redhat.com/ubi9/python-311:latest
podman tag "localhost/kfp-test/my-image:$programs_key" gcr.io/my-image
podman tag "localhost/kfp-test/kfp-image:$programs_key" kfp-image
podman tag "localhost/kfp-test/nonroot:$programs_key" localhost/kfp-test/nonroot
# Images of earlier recipes (other keys) are removed, so the cache holds one set.
current=" $base_image $kfp_image localhost/kfp-test/nonroot:latest"
for target in programs my-image kfp-image nonroot; do current="$current localhost/kfp-test/$target:$programs_key"; done
for image in $(podman images --format '{{.Repository}}:{{.Tag}}' | grep '^localhost/kfp-test/' || true); do
    case "$current " in *" $image "*) ;; *) podman rmi "$image" >/dev/null 2>&1 || true ;; esac
done
# Images that tests pushed to and pulled from the test registry (127.0.0.1:5000), left behind by a
# run that was stopped: a test that pulls by digest must not find them here.
for id in $(podman images --all --format '{{.ID}} {{.Repository}}' | awk '$2 ~ /^127\.0\.0\.1:5000\// || $2 == "<none>" {print $1}' | sort -u); do
    podman rmi --force "$id" >/dev/null 2>&1 || true
done
podman image prune --force >/dev/null 2>&1 || true
find "$cache/base" -name 'debian-python-*.tar' ! -name "debian-python-$base_key.tar" -delete
log "podman ready: $(podman --version), images in $cache/storage"
echo "export CONTAINERS_CONF='$CONTAINERS_CONF'"
echo "export CONTAINERS_STORAGE_CONF='$CONTAINERS_STORAGE_CONF'"
echo "export CONTAINERS_REGISTRIES_CONF='$CONTAINERS_REGISTRIES_CONF'"
echo "export KFP_TEST_PYTHON_IMAGE='$kfp_image'"
