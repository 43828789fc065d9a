# vpnns — build, install, test. See README.md.
PREFIX        ?= /usr
BINDIR        ?= $(PREFIX)/bin
LIBDIR        ?= $(PREFIX)/lib/vpnns
SYSCONFDIR    ?= /etc
MANDIR        ?= $(PREFIX)/share/man
BASHCOMPDIR   ?= $(PREFIX)/share/bash-completion/completions
# debian/rules installs vpnns-exec 0755: the package sets the setuid bit with dpkg-statoverride in postinst.
EXEC_MODE     ?= 4755
DESTDIR       ?=
CONFIGURATION ?= Release
DOTNET        ?= dotnet
OUT           ?= out

ifeq ($(V),1)
Q :=
else
Q := @
endif

PROGRAMS      := vpnnsctl vpnns-exec vpnns-hook
HOOK_NAMES    := up down ip-up ip-down ipv6-up ipv6-down
PPP_HOOK_DIRS := ip-up.d ip-down.d ipv6-up.d ipv6-down.d
MAN_PAGES     := vpnnsctl.8 vpnns-exec.1 vpnns-hooks.8
COMPLETIONS   := vpnnsctl vpnns-exec
DEB_PACKAGES  := iproute2 openvpn openssl util-linux procps passwd curl iputils-ping strace perl gcc xvfb x11-utils xauth dbus socat dnsmasq-base debootstrap systemd-container
DEB_PACKAGES  += scdoc man-db bash-completion debhelper dpkg-dev lintian fakeroot
# Ownership is set by install(1) itself: a chown after the chmod would clear the setuid bit.
ROOT_OWNER    := $(shell [ "$$(id -u)" = 0 ] && echo "-o root -g root")
SOURCES       := $(shell find src -name '*.cs' -o -name '*.csproj') Directory.Build.props Directory.Packages.props

.PHONY: all man install uninstall deb deps test demo bench clean

all: $(addprefix $(OUT)/,$(PROGRAMS))

$(OUT)/vpnnsctl:   PROJECT := src/Cli/Cli.csproj
$(OUT)/vpnns-exec: PROJECT := src/NsExec/NsExec.csproj
$(OUT)/vpnns-hook: PROJECT := src/Hooks/Hooks.csproj

# Sequential on purpose: the three projects share Core's obj/ directory.
.NOTPARALLEL:
$(OUT)/%: $(SOURCES)
	@echo "  AOT     $@"
	$(Q)$(DOTNET) publish $(PROJECT) -c $(CONFIGURATION) -r linux-x64 -o $(OUT)/.publish/$* --nologo -v quiet -clp:NoSummary -p:DebugType=none
	$(Q)install -m 0755 $(OUT)/.publish/$*/$* $@

man: $(addprefix $(OUT)/man/,$(MAN_PAGES))

$(OUT)/man/%: doc/man/%.scd
	@echo "  SCDOC   $@"
	$(Q)mkdir -p $(OUT)/man
	$(Q)scdoc < $< > $@.tmp && mv $@.tmp $@

install: all man
	$(Q)install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)
	$(Q)install -m 0755 $(ROOT_OWNER) $(OUT)/vpnnsctl $(DESTDIR)$(BINDIR)/vpnnsctl
	$(Q)install -m $(EXEC_MODE) $(ROOT_OWNER) $(OUT)/vpnns-exec $(DESTDIR)$(BINDIR)/vpnns-exec
	$(Q)install -m 0755 $(ROOT_OWNER) $(OUT)/vpnns-hook $(DESTDIR)$(LIBDIR)/vpnns-hook
	$(Q)for n in $(HOOK_NAMES); do ln -sf vpnns-hook $(DESTDIR)$(LIBDIR)/$$n; done
	$(Q)for d in $(PPP_HOOK_DIRS); do \
	    install -d $(DESTDIR)$(SYSCONFDIR)/ppp/$$d; \
	    ln -sf $(LIBDIR)/$${d%.d} $(DESTDIR)$(SYSCONFDIR)/ppp/$$d/vpnns; \
	done
	$(Q)for m in $(MAN_PAGES); do install -D -m 0644 $(OUT)/man/$$m $(DESTDIR)$(MANDIR)/man$${m##*.}/$$m; done
	$(Q)for c in $(COMPLETIONS); do install -D -m 0644 contrib/bash-completion/$$c $(DESTDIR)$(BASHCOMPDIR)/$$c; done

uninstall:
	$(Q)rm -f $(DESTDIR)$(BINDIR)/vpnnsctl $(DESTDIR)$(BINDIR)/vpnns-exec
	$(Q)for n in vpnns-hook $(HOOK_NAMES); do rm -f $(DESTDIR)$(LIBDIR)/$$n; done
	$(Q)rmdir $(DESTDIR)$(LIBDIR) 2>/dev/null || true
	$(Q)for d in $(PPP_HOOK_DIRS); do rm -f $(DESTDIR)$(SYSCONFDIR)/ppp/$$d/vpnns; done
	$(Q)for m in $(MAN_PAGES); do rm -f $(DESTDIR)$(MANDIR)/man$${m##*.}/$$m; done
	$(Q)for c in $(COMPLETIONS); do rm -f $(DESTDIR)$(BASHCOMPDIR)/$$c; done

# The Debian package, built by debian/rules through the targets above; lands in $(OUT)/ with its
# .buildinfo and .changes (dpkg-buildpackage would otherwise write them to the parent directory).
# Expanded when used: on a fresh machine `make deps` installs dpkg-dev only after the Makefile is read.
DEB_VERSION  = $(shell dpkg-parsechangelog -S Version 2>/dev/null)
DEB_ARCH     = $(shell dpkg --print-architecture 2>/dev/null)
deb: all man
	@echo "  DEB     $(OUT)/vpnns_$(DEB_VERSION)_$(DEB_ARCH).deb"
	$(Q)dpkg-buildpackage -us -uc -b --no-pre-clean \
	    --buildinfo-file=$(OUT)/vpnns_$(DEB_VERSION)_$(DEB_ARCH).buildinfo \
	    --changes-file=$(OUT)/vpnns_$(DEB_VERSION)_$(DEB_ARCH).changes \
	    --buildinfo-option=-u$(OUT) --changes-option=-u$(OUT) $(if $(Q),>$(OUT)/deb-build.log 2>&1 || { cat $(OUT)/deb-build.log; exit 1; })

# Debian packages the tests and the demo need; installed only when missing.
deps:
	$(Q)missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	    echo "  APT    $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
	$(Q)if [ "$$(id -u)" = 0 ]; then bash scripts/test-users; fi

test: deps all deb
	$(Q)VPNNS_OUT=$(CURDIR)/$(OUT) bash scripts/run-tests

demo: deps all
	$(Q)bash scripts/demo

bench: all
	$(Q)bash bench/run

clean:
	$(Q)rm -rf $(OUT) TestResults
	$(Q)rm -rf debian/vpnns debian/.debhelper debian/files debian/*.substvars debian/*.debhelper.log debian/debhelper-build-stamp
	$(Q)find src tests bench -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
